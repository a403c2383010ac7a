package se.hjalpmedelsnav.mappings.supplier;

import java.util.Objects;
import se.hjalpmedelsnav.mappings.fault.FaultReportMessage;
import se.hjalpmedelsnav.mappings.registry.CustomerNumber;
import se.hjalpmedelsnav.mappings.registry.Registry;

/**
 * Turns an accepted FAULT_REPORT into the fault report (arbetsorder) the supplier's API takes.
 *
 * <p>The fault report must have passed the hub's rules; one with a customer number the registry
 * does not know is refused with an {@link IllegalArgumentException} naming the field, never quoting
 * its value. Absent flags are sent as false: the municipality did not say the device is out of
 * service or that anyone was at risk.
 */
public final class SupplierFaultReportTranslator {

    public SupplierFaultReport toSupplierFaultReport(FaultReportMessage message, String hubReference,
            Registry registry) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(registry, "registry");
        if (hubReference == null || hubReference.isBlank()) {
            throw new IllegalArgumentException("hubReference is required");
        }
        CustomerNumber customerNumber = registry.customerNumber(message.kommunCode(), message.customerNumber())
                .orElseThrow(() -> new IllegalArgumentException(
                        "customerNumber is not registered for the municipality " + message.kommunCode()));
        return new SupplierFaultReport(
                hubReference,
                message.kommunCode(),
                new SupplierCustomer(customerNumber.number(), customerNumber.unit()),
                message.payerNumber(),
                SupplierOrderer.of(message.orderer()),
                message.deviceId(),
                message.articleNumber(),
                message.description(),
                Boolean.TRUE.equals(message.outOfService()),
                Boolean.TRUE.equals(message.injuryOrRisk()),
                message.location() == null ? null : SupplierAddress.of(message.location().address()),
                SupplierContact.of(message.contact()));
    }
}
