package se.hjalpmedelsnav.mappings.returns;

import com.fasterxml.jackson.annotation.JsonInclude;
import se.hjalpmedelsnav.mappings.order.Address;
import se.hjalpmedelsnav.mappings.order.Contact;

/** Where the supplier fetches the devices, and whom it contacts about it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Pickup(Address address, Contact contact) {

    @Override
    public String toString() {
        return "Pickup[redacted]";
    }
}
