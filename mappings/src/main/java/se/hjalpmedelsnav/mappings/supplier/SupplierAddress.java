package se.hjalpmedelsnav.mappings.supplier;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record SupplierAddress(String careOf, String street, String postalCode, String city) {

    @Override
    public String toString() {
        return "SupplierAddress[redacted]";
    }
}
