package se.hjalpmedelsnav.mappings.order;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where the supplier delivers the device, and whom it contacts about it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Delivery(DeliveryTarget target, Address address, Contact contact) {

    @Override
    public String toString() {
        return "Delivery[target=" + target + "]";
    }
}
