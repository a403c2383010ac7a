package se.hjalpmedelsnav.hub.supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.hub.intake.IntakeHeaders;
import se.hjalpmedelsnav.hub.tracking.TrackedMessage;
import se.hjalpmedelsnav.hub.tracking.TrackingStatus;
import se.hjalpmedelsnav.hub.tracking.TrackingStore;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;
import se.hjalpmedelsnav.mappings.message.OrderStatus;
import se.hjalpmedelsnav.mappings.message.OrderStatusEvent;
import se.hjalpmedelsnav.mappings.supplier.SupplierEvent;

/** Supplier events: checked on arrival at the webhook, then translated for the municipality the order came from. */
@Component
public class SupplierEvents {

    private static final Logger log = LoggerFactory.getLogger(SupplierEvents.class);

    private final ObjectMapper json = KommunMessageMappers.json();
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
        if (event.orderId() == null || event.orderId().isBlank() || event.orderId().length() > 36) {
            problems.add("orderId is required: the hub reference the order was sent with");
        }
        if (event.eventType() == null) {
            problems.add("eventType is required");
        }
        if (event.status() == null) {
            problems.add("status is required");
        }
        if (event.occurredAt() == null) {
            problems.add("occurredAt is required");
        }
        return problems;
    }

    /**
     * The municipality's ORDER_STATUS for a supplier event, or null when the event was passed on
     * before (the supplier may deliver an event twice; the municipality hears it once).
     */
    public String toKommunEvent(@Body String eventJson, Message message) throws JsonProcessingException {
        SupplierEvent event = json.readValue(eventJson, SupplierEvent.class);
        TrackedMessage order = tracking.byHubReference(event.orderId())
                .orElseThrow(() -> new UnknownOrderException(event.orderId()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!tracking.recordSupplierEventIfAbsent(event.eventId(), order.hubReference(), event.status().name(), now)) {
            log.info("Supplier event {} for {} seen before; not passed on again", event.eventId(),
                    order.hubReference());
            return null;
        }
        OrderStatus status = OrderStatus.valueOf(event.status().name());
        tracking.updateStatus(order.hubReference(), TrackingStatus.valueOf(status.name()), now);
        message.setHeader(IntakeHeaders.KOMMUN_CODE, order.kommunCode());
        message.setHeader(IntakeHeaders.EVENT_TYPE, OrderStatusEvent.TYPE);
        message.setHeader(IntakeHeaders.HUB_REFERENCE, order.hubReference());
        message.setHeader("JMSCorrelationID", order.messageId());
        log.info("Order {} of {} is {}", order.hubReference(), order.kommunCode(), status);
        return json.writeValueAsString(OrderStatusEvent.of(order.messageId(), order.hubReference(), status,
                event.supplierOrderId(), event.deviceIds(), event.expectedDeliveryDate(),
                event.occurredAt() == null ? now : event.occurredAt()));
    }

    /** An event for an order the hub never sent: parked for an operator, never dropped. */
    public static class UnknownOrderException extends RuntimeException {
        public UnknownOrderException(String orderId) {
            super("no order with hub reference " + orderId + " is known to the hub");
        }
    }
}
