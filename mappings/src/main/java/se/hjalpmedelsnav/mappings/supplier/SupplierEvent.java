package se.hjalpmedelsnav.mappings.supplier;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.hjalpmedelsnav.mappings.message.WellFormedText;

/**
 * An event the supplier pushes to the hub's webhook ({@code POST /api/supplier/events}), about an
 * order, a return or a fault report. The event names its subject with the same field the hub sent
 * it with: {@code orderId} for ORDER_STATUS, {@code returnId} for RETURN_STATUS, {@code faultReportId}
 * for FAULT_REPORT_STATUS; {@link #reference()} gives whichever applies. The other references are null.
 *
 * @param eventId   unique per event: the hub drops an event whose id it has already seen
 * @param orderId   the hub's reference the order was sent with (ORDER_STATUS)
 * @param returnId  the hub's reference the return was sent with (RETURN_STATUS)
 * @param faultReportId the hub's reference the fault report was sent with (FAULT_REPORT_STATUS)
 * @param status    one of the statuses of the event's type ({@link SupplierEventType#status(String)})
 * @param deviceIds device ids (individnummer): of the delivered units with DELIVERED, of the new
 *                  device with DEVICE_REPLACED; empty otherwise
 * @param reason    free text from the supplier for BACKORDERED, CANCELLED or REJECTED_BY_SUPPLIER
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SupplierEvent(
        String eventId,
        String orderId,
        String supplierOrderId,
        String returnId,
        String supplierReturnId,
        String faultReportId,
        String supplierFaultReportId,
        SupplierEventType eventType,
        SupplierEventStatus status,
        List<String> deviceIds,
        String reason,
        LocalDate expectedDeliveryDate,
        OffsetDateTime occurredAt) {

    public SupplierEvent {
        deviceIds = deviceIds == null ? List.of() : List.copyOf(deviceIds);
        if (eventType != null && status != null && !eventType.allows(status)) {
            throw new IllegalArgumentException("status is not one of " + eventType + "'s statuses");
        }
    }

    /** An ORDER_STATUS event, as before returns and fault reports had events of their own. */
    public SupplierEvent(String eventId, String orderId, String supplierOrderId, SupplierEventType eventType,
            SupplierOrderStatus status, List<String> deviceIds, String reason, LocalDate expectedDeliveryDate,
            OffsetDateTime occurredAt) {
        this(eventId, orderId, supplierOrderId, null, null, null, null, eventType, status, deviceIds, reason,
                expectedDeliveryDate, occurredAt);
    }

    /** Reads the status by the event's type: the JSON has one {@code status} field for every type. */
    @JsonCreator
    static SupplierEvent fromJson(
            @JsonProperty("eventId") String eventId,
            @JsonProperty("orderId") String orderId,
            @JsonProperty("supplierOrderId") String supplierOrderId,
            @JsonProperty("returnId") String returnId,
            @JsonProperty("supplierReturnId") String supplierReturnId,
            @JsonProperty("faultReportId") String faultReportId,
            @JsonProperty("supplierFaultReportId") String supplierFaultReportId,
            @JsonProperty("eventType") SupplierEventType eventType,
            @JsonProperty("status") String status,
            @JsonProperty("deviceIds") List<String> deviceIds,
            @JsonProperty("reason") String reason,
            @JsonProperty("expectedDeliveryDate") LocalDate expectedDeliveryDate,
            @JsonProperty("occurredAt") OffsetDateTime occurredAt) {
        SupplierEventStatus typedStatus = eventType == null || status == null ? null : eventType.status(status);
        return new SupplierEvent(eventId, orderId, supplierOrderId, returnId, supplierReturnId, faultReportId,
                supplierFaultReportId, eventType, typedStatus, deviceIds, reason, expectedDeliveryDate, occurredAt);
    }

    public static SupplierEvent orderStatus(String eventId, String orderId, String supplierOrderId,
            SupplierOrderStatus status, List<String> deviceIds, LocalDate expectedDeliveryDate, OffsetDateTime occurredAt) {
        return new SupplierEvent(eventId, orderId, supplierOrderId, SupplierEventType.ORDER_STATUS, status, deviceIds,
                null, expectedDeliveryDate, occurredAt);
    }

    public static SupplierEvent returnStatus(String eventId, String returnId, String supplierReturnId,
            SupplierReturnStatus status, OffsetDateTime occurredAt) {
        return new SupplierEvent(eventId, null, null, returnId, supplierReturnId, null, null,
                SupplierEventType.RETURN_STATUS, status, List.of(), null, null, occurredAt);
    }

    public static SupplierEvent faultReportStatus(String eventId, String faultReportId, String supplierFaultReportId,
            SupplierFaultReportStatus status, List<String> deviceIds, OffsetDateTime occurredAt) {
        return new SupplierEvent(eventId, null, null, null, null, faultReportId, supplierFaultReportId,
                SupplierEventType.FAULT_REPORT_STATUS, status, deviceIds, null, null, occurredAt);
    }

    /** The hub's reference of the order, return or fault report the event is about, by its type. */
    @JsonIgnore
    public String reference() {
        if (eventType == null) {
            return orderId;
        }
        return switch (eventType) {
            case ORDER_STATUS -> orderId;
            case RETURN_STATUS -> returnId;
            case FAULT_REPORT_STATUS -> faultReportId;
        };
    }

    /** The supplier's id of the order, return or fault report the event is about, by its type. */
    @JsonIgnore
    public String supplierReference() {
        if (eventType == null) {
            return supplierOrderId;
        }
        return switch (eventType) {
            case ORDER_STATUS -> supplierOrderId;
            case RETURN_STATUS -> supplierReturnId;
            case FAULT_REPORT_STATUS -> supplierFaultReportId;
        };
    }

    /**
     * The fields whose text holds an unpaired UTF-16 surrogate, by name ({@code deviceIds[1]}): such text
     * is no character, and passed on to a municipality's {@code .out} it would stop that queue for an AMQP
     * client that cannot decode it. An event with any is refused where it comes in.
     */
    @JsonIgnore
    public List<String> fieldsWithUnpairedSurrogates() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("eventId", eventId);
        texts.put("orderId", orderId);
        texts.put("supplierOrderId", supplierOrderId);
        texts.put("returnId", returnId);
        texts.put("supplierReturnId", supplierReturnId);
        texts.put("faultReportId", faultReportId);
        texts.put("supplierFaultReportId", supplierFaultReportId);
        for (int i = 0; i < deviceIds.size(); i++) {
            texts.put("deviceIds[" + i + "]", deviceIds.get(i));
        }
        texts.put("reason", reason);
        List<String> fields = new ArrayList<>();
        texts.forEach((field, text) -> {
            if (WellFormedText.hasUnpairedSurrogate(text)) {
                fields.add(field);
            }
        });
        return fields;
    }
}
