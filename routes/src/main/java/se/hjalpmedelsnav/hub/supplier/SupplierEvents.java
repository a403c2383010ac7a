package se.hjalpmedelsnav.hub.supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.hub.stage.KommunEvents.KommunEvent;
import se.hjalpmedelsnav.hub.stage.PermanentFailure;
import se.hjalpmedelsnav.hub.stage.TransportMessageId;
import se.hjalpmedelsnav.hub.tracking.TrackedMessage;
import se.hjalpmedelsnav.hub.tracking.TrackingStatus;
import se.hjalpmedelsnav.hub.tracking.TrackingStore;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;
import se.hjalpmedelsnav.mappings.message.OrderStatus;
import se.hjalpmedelsnav.mappings.message.OrderStatusEvent;
import se.hjalpmedelsnav.mappings.message.StatusEvent;
import se.hjalpmedelsnav.mappings.supplier.SupplierEvent;
import se.hjalpmedelsnav.mappings.supplier.SupplierEventType;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderStatus;
import se.hjalpmedelsnav.mappings.supplier.SupplierRefusalReason;

/** Supplier events: checked on arrival at the webhook, then translated for the municipality the order came from. */
@Component
public class SupplierEvents {

    private static final Logger log = LoggerFactory.getLogger(SupplierEvents.class);

    private final TrackingStore tracking;
    private final Clock clock;

    public SupplierEvents(TrackingStore tracking, Clock clock) {
        this.tracking = tracking;
        this.clock = clock;
    }

    /** What is wrong with an event as posted to the webhook; empty when it can be queued. */
    public List<String> problems(SupplierEvent event) {
        var problems = new ArrayList<String>();
        if (event.eventId() == null || event.eventId().isBlank() || event.eventId().length() > 64) {
            problems.add("eventId is required (1-64 characters)");
        }
        String reference = event.eventType() == null ? event.orderId() : event.reference();
        if (reference == null || reference.isBlank() || reference.length() > 36) {
            problems.add(referenceField(event) + " is required: the hub reference the message was sent with");
        }
        if (event.eventType() == null) {
            problems.add("eventType is required");
        }
        if (event.status() == null) {
            problems.add("status is required");
        } else if (event.status() == SupplierOrderStatus.REGISTERED_BY_SUPPLIER) {
            // Made by the hub from an Order Agreement file, which the rules check first; not a webhook status.
            problems.add("status REGISTERED_BY_SUPPLIER is not a webhook status: send a Peppol Order Agreement "
                    + "to the file drop");
        }
        if (event.occurredAt() == null) {
            problems.add("occurredAt is required");
        }
        return problems;
    }

    private static String referenceField(SupplierEvent event) {
        if (event.eventType() == null) {
            return "orderId";
        }
        return switch (event.eventType()) {
            case ORDER_STATUS -> "orderId";
            case RETURN_STATUS -> "returnId";
            case FAULT_REPORT_STATUS -> "faultReportId";
        };
    }

    /**
     * The municipality's status event for a supplier event, or null when the event was passed on
     * before (the supplier may deliver an event twice; the municipality hears it once).
     *
     * <p>The event is recorded before it is passed on, and the record commits at once; the broker's
     * redelivery of the very message it was recorded from (the send failed, or the hub died before the
     * commit) and a replay of a parked event ({@link TransportMessageId#REPLAYED}) are passed on again: a
     * parked event never reached the municipality, its send being the stage's last step.
     */
    public KommunEvent toKommunEvent(@Body String eventJson,
            @ExchangeProperty(TransportMessageId.BROKER_ID) String brokerMessageId,
            @ExchangeProperty(TransportMessageId.REPLAYED) Boolean replayed) throws JsonProcessingException {
        SupplierEvent event = KommunMessageMappers.readTrusted(eventJson, SupplierEvent.class);
        TrackedMessage tracked = tracking.byHubReference(event.reference())
                .orElseThrow(() -> new UnknownOrderException(event.reference()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        String status = ((Enum<?>) event.status()).name();
        TrackingStatus trackingStatus = TrackingStatus.valueOf(status);
        if (!tracking.recordSupplierEvent(event.eventId(), tracked.hubReference(), trackingStatus, now, brokerMessageId)) {
            if (!passOnAgain(event.eventId(), brokerMessageId, Boolean.TRUE.equals(replayed))) {
                log.info("Supplier event {} for {} seen before; not passed on again", event.eventId(),
                        tracked.hubReference());
                return null;
            }
            tracking.updateStatus(tracked.hubReference(), trackingStatus, now);
        }
        String eventType = event.eventType().name();
        log.info("{} of {} is {}", tracked.hubReference(), tracked.kommunCode(), status);
        OffsetDateTime at = event.occurredAt() == null ? now : event.occurredAt();
        Object kommunEvent;
        if (TrackingStatus.REJECTED_BY_SUPPLIER.name().equals(status)) {
            // A refusal after the supplier took the message in (file drop): the same event as a refusal of the API call.
            String reason = SupplierRefusalReason.ofEventReason(event.reason());
            kommunEvent = event.eventType() == SupplierEventType.ORDER_STATUS
                    ? OrderStatusEvent.rejectedBySupplier(tracked.messageId(), tracked.hubReference(), reason, at)
                    : StatusEvent.rejectedBySupplier(eventType, tracked.messageId(), tracked.hubReference(), reason, at);
            return new KommunEvent(tracked.kommunCode(), eventType, tracked.messageId(), tracked.hubReference(),
                    kommunEvent);
        }
        kommunEvent = event.eventType() == SupplierEventType.ORDER_STATUS
                ? OrderStatusEvent.of(tracked.messageId(), tracked.hubReference(), OrderStatus.valueOf(status),
                        event.supplierReference(), event.deviceIds(), event.expectedDeliveryDate(), at)
                : StatusEvent.of(eventType, tracked.messageId(), tracked.hubReference(), status,
                        event.supplierReference(), event.deviceIds(), event.reason(), at);
        return new KommunEvent(tracked.kommunCode(), eventType, tracked.messageId(), tracked.hubReference(), kommunEvent);
    }

    private boolean passOnAgain(String eventId, String brokerMessageId, boolean replayed) {
        boolean redelivered = brokerMessageId != null
                && tracking.supplierEventTransportId(eventId).map(brokerMessageId::equals).orElse(false);
        return redelivered || replayed;
    }

    /** An event for a message the hub never sent: parked for an operator, never dropped. */
    public static class UnknownOrderException extends RuntimeException implements PermanentFailure {
        public UnknownOrderException(String reference) {
            super("no order, return or fault report with hub reference " + reference + " is known to the hub");
        }
    }
}
