package se.hjalpmedelsnav.mappings.supplier;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where the supplier fetches returned devices, and whom it contacts about it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SupplierPickup(SupplierAddress address, SupplierContact contact) {

    @Override
    public String toString() {
        return "SupplierPickup[redacted]";
    }
}
