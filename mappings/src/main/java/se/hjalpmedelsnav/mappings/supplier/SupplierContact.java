package se.hjalpmedelsnav.mappings.supplier;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A person the supplier may contact: a guardian, or whoever receives a delivery. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SupplierContact(String name, String phone) {

    @Override
    public String toString() {
        return "SupplierContact[redacted]";
    }
}
