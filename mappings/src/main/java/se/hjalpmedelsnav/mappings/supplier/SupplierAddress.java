package se.hjalpmedelsnav.mappings.supplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import se.hjalpmedelsnav.mappings.order.Address;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record SupplierAddress(String careOf, String street, String postalCode, String city) {

    /** The supplier's copy of a municipality's address; null for null. */
    static SupplierAddress of(Address address) {
        return address == null ? null
                : new SupplierAddress(address.careOf(), address.street(), address.postalCode(), address.city());
    }

    @Override
    public String toString() {
        return "SupplierAddress[redacted]";
    }
}
