package se.hjalpmedelsnav.mappings.supplier;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import se.hjalpmedelsnav.mappings.order.OrderProcess;

/**
 * An order as the hub sends it to the supplier's API ({@code POST /orders}, schema
 * {@code SupplierOrder} in {@code openapi/supplier-api.yaml}).
 *
 * @param orderId           the hub's reference (hubReference), also sent as the {@code Idempotency-Key}
 * @param municipalityCode  the ordering municipality's kommunkod
 * @param payerNumber       who is invoiced (betalarnummer)
 * @param decisionReference the reference of the decision (beslut om insats) the order carries out
 * @param handOutFromStock  true on the registration of a device handed out of a buffer store (a BUFFER_WITHDRAWAL):
 *                          nothing is shipped, the supplier registers {@code deviceId} on the recipient as delivered;
 *                          null on any other order
 * @param deviceId          with {@code handOutFromStock}: the device handed out (individnummer)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SupplierOrder(
        String orderId,
        String municipalityCode,
        SupplierCustomer customer,
        String payerNumber,
        OrderProcess process,
        String decisionReference,
        SupplierOrderer orderer,
        SupplierRecipient recipient,
        SupplierDelivery delivery,
        List<SupplierOrderLine> lines,
        String note,
        Boolean handOutFromStock,
        String deviceId) {

    public SupplierOrder {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** An order of devices to be shipped (not a hand-out from stock). */
    public SupplierOrder(String orderId, String municipalityCode, SupplierCustomer customer, String payerNumber,
            OrderProcess process, String decisionReference, SupplierOrderer orderer, SupplierRecipient recipient,
            SupplierDelivery delivery, List<SupplierOrderLine> lines, String note) {
        this(orderId, municipalityCode, customer, payerNumber, process, decisionReference, orderer, recipient, delivery,
                lines, note, null, null);
    }

    /** The same order as the registration of {@code handedOutDeviceId}, handed out of a buffer store. */
    public SupplierOrder asHandOutOf(String handedOutDeviceId) {
        return new SupplierOrder(orderId, municipalityCode, customer, payerNumber, process, decisionReference, orderer,
                recipient, delivery, lines, note, Boolean.TRUE, handedOutDeviceId);
    }

    /** Whether this order registers a device handed out of a buffer store rather than ships one. */
    @JsonIgnore
    public boolean isHandOut() {
        return Boolean.TRUE.equals(handOutFromStock);
    }

    /** The number of units ordered over all lines. */
    public int totalQuantity() {
        return lines.stream().mapToInt(SupplierOrderLine::quantity).sum();
    }

    @Override
    public String toString() {
        // The recipient, orderer and delivery hold personal data: only references may reach a log.
        return "SupplierOrder[orderId=" + orderId + ", municipalityCode=" + municipalityCode + ", customerNumber="
                + (customer == null ? null : customer.customerNumber()) + ", lines=" + lines.size() + "]";
    }
}
