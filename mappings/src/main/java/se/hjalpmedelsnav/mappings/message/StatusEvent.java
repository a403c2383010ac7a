package se.hjalpmedelsnav.mappings.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A RETURN_STATUS or FAULT_REPORT_STATUS event on the municipality's {@code .out} queue, correlated
 * like the receipt by the message's messageId. (Orders have {@link OrderStatusEvent}, incident reports
 * {@link IncidentReportStatusEvent}.)
 *
 * @param status            RETURN_STATUS: RECEIVED (pickup registered), PICKED_UP, LOST_REGISTERED;
 *                          FAULT_REPORT_STATUS: RECEIVED, IN_PROGRESS, RESOLVED, DEVICE_REPLACED;
 *                          both: REJECTED_BY_SUPPLIER with a SUPPLIER_REJECTED error
 * @param supplierReference the supplier's id of the return or work order
 * @param deviceIds         with DEVICE_REPLACED: the new device's id
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StatusEvent(String type, String inReplyTo, String hubReference, String status,
        String supplierReference, List<String> deviceIds, String reason, List<ContractError> errors,
        OffsetDateTime at) {

    public static final String RETURN_STATUS = "RETURN_STATUS";
    public static final String FAULT_REPORT_STATUS = "FAULT_REPORT_STATUS";
    /** Incident reports have their own shape: {@link IncidentReportStatusEvent}. */
    public static final String INCIDENT_REPORT_STATUS = "INCIDENT_REPORT_STATUS";
    public static final String REJECTED_BY_SUPPLIER = "REJECTED_BY_SUPPLIER";

    /** The event type that reports on a message of that type. */
    public static String typeFor(MessageType type) {
        return switch (type) {
            // Both orders a buffer withdrawal makes (the hand-out's registration and the store's refill) are orders.
            case ORDER, BUFFER_WITHDRAWAL -> OrderStatusEvent.TYPE;
            case RETURN -> RETURN_STATUS;
            case FAULT_REPORT -> FAULT_REPORT_STATUS;
            case INCIDENT_REPORT -> INCIDENT_REPORT_STATUS;
            case LOANS_REQUEST, FOLLOW_UP_DONE -> throw new IllegalArgumentException(type + " has no status events");
        };
    }

    public static StatusEvent of(String type, String inReplyTo, String hubReference, String status,
            String supplierReference, List<String> deviceIds, String reason, OffsetDateTime at) {
        return new StatusEvent(type, inReplyTo, hubReference, status, supplierReference,
                deviceIds == null ? List.of() : List.copyOf(deviceIds), reason, List.of(), at);
    }

    public static StatusEvent rejectedBySupplier(String type, String inReplyTo, String hubReference, String reason,
            OffsetDateTime at) {
        return new StatusEvent(type, inReplyTo, hubReference, REJECTED_BY_SUPPLIER, null, List.of(), null,
                List.of(ContractError.of(ErrorCode.SUPPLIER_REJECTED, reason)), at);
    }
}
