package se.hjalpmedelsnav.mappings.supplier;

import java.util.Objects;
import se.hjalpmedelsnav.mappings.registry.CustomerNumber;
import se.hjalpmedelsnav.mappings.registry.Registry;
import se.hjalpmedelsnav.mappings.returns.Pickup;
import se.hjalpmedelsnav.mappings.returns.ReturnMessage;
import se.hjalpmedelsnav.mappings.returns.ReturnReason;

/**
 * Turns an accepted RETURN into the return the supplier's API takes.
 *
 * <p>A lost device is reported as lost and nothing else: no pickup address or contact leaves the hub
 * for it, even when the municipality gave one, since there is nothing to fetch.
 *
 * <p>The return must have passed the hub's rules; one they would have rejected (unknown customer
 * number, no pickup for a device to fetch) is refused with an {@link IllegalArgumentException}
 * naming the field, never quoting its value.
 */
public final class SupplierReturnTranslator {

    public SupplierReturn toSupplierReturn(ReturnMessage message, String hubReference, Registry registry) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(registry, "registry");
        if (hubReference == null || hubReference.isBlank()) {
            throw new IllegalArgumentException("hubReference is required");
        }
        if (message.reason() == null) {
            throw new IllegalArgumentException("reason is required");
        }
        CustomerNumber customerNumber = registry.customerNumber(message.kommunCode(), message.customerNumber())
                .orElseThrow(() -> new IllegalArgumentException(
                        "customerNumber is not registered for the municipality " + message.kommunCode()));
        ReturnReason reason = message.reason();
        return new SupplierReturn(
                hubReference,
                message.kommunCode(),
                new SupplierCustomer(customerNumber.number(), customerNumber.unit()),
                message.payerNumber(),
                SupplierOrderer.of(message.orderer()),
                message.deviceIds(),
                reason,
                !reason.needsPickup(),
                reason.needsPickup() ? pickup(message.pickup()) : null,
                message.note());
    }

    private static SupplierPickup pickup(Pickup pickup) {
        if (pickup == null || pickup.address() == null) {
            throw new IllegalArgumentException("pickup.address is required unless reason is LOST");
        }
        return new SupplierPickup(SupplierAddress.of(pickup.address()), SupplierContact.of(pickup.contact()));
    }
}
