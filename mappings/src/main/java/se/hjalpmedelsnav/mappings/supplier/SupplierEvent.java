package se.hjalpmedelsnav.mappings.supplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An event the supplier pushes to the hub's webhook ({@code POST /api/supplier/events}).
 *
 * @param eventId   unique per event: the hub drops an event whose id it has already seen
 * @param orderId   the hub's reference the order was sent with
 * @param deviceIds device ids (individnummer) of the delivered units, empty unless DELIVERED
 * @param reason    free text from the supplier for BACKORDERED or CANCELLED
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SupplierEvent(
        String eventId,
        String orderId,
        String supplierOrderId,
        SupplierEventType eventType,
        SupplierOrderStatus status,
        List<String> deviceIds,
        String reason,
        LocalDate expectedDeliveryDate,
        OffsetDateTime occurredAt) {

    public SupplierEvent {
        deviceIds = deviceIds == null ? List.of() : List.copyOf(deviceIds);
    }
}
