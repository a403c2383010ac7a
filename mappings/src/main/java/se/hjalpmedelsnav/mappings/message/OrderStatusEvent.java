package se.hjalpmedelsnav.mappings.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An ORDER_STATUS event on the municipality's {@code .out} queue, correlated like the receipt by
 * the order's messageId.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record OrderStatusEvent(
        String type,
        String inReplyTo,
        String hubReference,
        OrderStatus status,
        String supplierOrderId,
        List<String> deviceIds,
        LocalDate expectedDeliveryDate,
        List<ContractError> errors,
        OffsetDateTime at) {

    public static final String TYPE = "ORDER_STATUS";

    public static OrderStatusEvent of(String inReplyTo, String hubReference, OrderStatus status,
            String supplierOrderId, List<String> deviceIds, LocalDate expectedDeliveryDate, OffsetDateTime at) {
        return new OrderStatusEvent(TYPE, inReplyTo, hubReference, status, supplierOrderId,
                deviceIds == null ? List.of() : List.copyOf(deviceIds), expectedDeliveryDate, List.of(), at);
    }

    public static OrderStatusEvent rejectedBySupplier(String inReplyTo, String hubReference, String reason,
            OffsetDateTime at) {
        return new OrderStatusEvent(TYPE, inReplyTo, hubReference, OrderStatus.REJECTED_BY_SUPPLIER, null, List.of(),
                null, List.of(ContractError.of(ErrorCode.SUPPLIER_REJECTED, reason)), at);
    }
}
