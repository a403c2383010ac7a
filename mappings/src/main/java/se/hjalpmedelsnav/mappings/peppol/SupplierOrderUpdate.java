package se.hjalpmedelsnav.mappings.peppol;

import java.util.List;
import se.hjalpmedelsnav.mappings.message.OrderStatus;

/**
 * What a supplier's Peppol OrderResponse or DespatchAdvice says about one order, in the hub's terms.
 *
 * @param hubReference      the order it answers: the hub's reference, sent as the Order's ID
 * @param supplierOrderId   the supplier's own order number (SalesOrderID), or null if not given
 * @param status            CONFIRMED, REJECTED_BY_SUPPLIER or DELIVERED
 * @param changedBySupplier the supplier accepted the order with changes (OrderResponseCode CA)
 * @param reason            the supplier's note for a rejection or a change, or null
 * @param deviceIds         device ids (individnummer) delivered, empty unless DELIVERED
 */
public record SupplierOrderUpdate(
        String hubReference,
        String supplierOrderId,
        OrderStatus status,
        boolean changedBySupplier,
        String reason,
        List<String> deviceIds) {

    public SupplierOrderUpdate {
        deviceIds = deviceIds == null ? List.of() : List.copyOf(deviceIds);
    }
}
