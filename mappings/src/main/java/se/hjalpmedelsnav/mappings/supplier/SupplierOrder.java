package se.hjalpmedelsnav.mappings.supplier;

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
        String note) {

    public SupplierOrder {
        lines = lines == null ? List.of() : List.copyOf(lines);
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
