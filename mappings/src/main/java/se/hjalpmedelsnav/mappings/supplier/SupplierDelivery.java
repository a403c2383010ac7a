package se.hjalpmedelsnav.mappings.supplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import se.hjalpmedelsnav.mappings.order.DeliveryTarget;

/** Where the supplier delivers, and whom it contacts about the delivery. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SupplierDelivery(DeliveryTarget target, SupplierAddress address, SupplierContact contact) {

    @Override
    public String toString() {
        return "SupplierDelivery[target=" + target + "]";
    }
}
