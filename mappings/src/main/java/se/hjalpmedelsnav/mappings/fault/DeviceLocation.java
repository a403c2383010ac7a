package se.hjalpmedelsnav.mappings.fault;

import com.fasterxml.jackson.annotation.JsonInclude;
import se.hjalpmedelsnav.mappings.order.Address;

/** Where the faulty device is, for the supplier's technician. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceLocation(Address address) {

    @Override
    public String toString() {
        return "DeviceLocation[redacted]";
    }
}
