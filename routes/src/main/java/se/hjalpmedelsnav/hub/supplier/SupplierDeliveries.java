package se.hjalpmedelsnav.hub.supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.connectors.supplier.SupplierAccessToken;
import se.hjalpmedelsnav.broker.MessageProperties;
import se.hjalpmedelsnav.hub.stage.KommunEvents.KommunEvent;
import se.hjalpmedelsnav.hub.tracking.TrackingStatus;
import se.hjalpmedelsnav.hub.tracking.TrackingStore;
import se.hjalpmedelsnav.mappings.buffer.BufferStoreOrders;
import se.hjalpmedelsnav.mappings.buffer.BufferStoreOrders.OrderToSupplier;
import se.hjalpmedelsnav.mappings.fault.FaultReportMessage;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.message.OrderStatusEvent;
import se.hjalpmedelsnav.mappings.message.StatusEvent;
import se.hjalpmedelsnav.mappings.registry.RegistrySource;
import se.hjalpmedelsnav.mappings.returns.ReturnMessage;
import se.hjalpmedelsnav.mappings.supplier.SupplierFaultReportTranslator;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrder;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderTranslator;
import se.hjalpmedelsnav.mappings.supplier.SupplierRefusalReason;
import se.hjalpmedelsnav.mappings.supplier.SupplierReturnTranslator;

/**
 * The steps of a message's way to the supplier's API, called by name from
 * {@link SupplierDeliveryRoutes}; the message type (the route's) says which translation applies.
 */
@Component
public class SupplierDeliveries {

    /** Exchange property each delivery route sets: the type of message it carries. */
    public static final String MESSAGE_TYPE = "navDeliveryType";

    private static final Logger log = LoggerFactory.getLogger(SupplierDeliveries.class);

    private final ObjectMapper json = KommunMessageMappers.json();
    private final SupplierOrderTranslator orders = new SupplierOrderTranslator();
    private final SupplierReturnTranslator returns = new SupplierReturnTranslator();
    private final SupplierFaultReportTranslator faultReports = new SupplierFaultReportTranslator();
    private final RegistrySource registry;
    private final SupplierAccessToken accessToken;
    private final TrackingStore tracking;
    private final SupplierChannels channels;
    private final Clock clock;

    public SupplierDeliveries(RegistrySource registry, SupplierAccessToken accessToken, TrackingStore tracking,
            SupplierChannels channels, Clock clock) {
        this.registry = registry;
        this.channels = channels;
        this.accessToken = accessToken;
        this.tracking = tracking;
        this.clock = clock;
    }

    /**
     * Whether the message still waits for the supplier. A copy of one the supplier already took or
     * refused (handed on again after a restart) is acknowledged and goes no further.
     */
    public boolean stillToDeliver(@ExchangeProperty(MessageProperties.HUB_REFERENCE) String hubReference) {
        boolean waiting = tracking.byHubReference(hubReference)
                .map(tracked -> tracked.status() == TrackingStatus.ACCEPTED)
                .orElse(true);
        if (!waiting) {
            log.info("{} is with the supplier already; this copy is not sent again", hubReference);
        }
        return waiting;
    }

    /** The canonical message as the supplier's API takes it. */
    public String translate(@Body String canonical, @ExchangeProperty(MessageProperties.HUB_REFERENCE) String hubReference,
            @ExchangeProperty(MESSAGE_TYPE) MessageType type) throws JsonProcessingException {
        var current = registry.current();
        Object translated = switch (type) {
            case ORDER, BUFFER_WITHDRAWAL -> {
                // The order queue also carries a buffer withdrawal's registration of its hand-out (BufferStoreOrders).
                OrderToSupplier order = BufferStoreOrders.readOrderQueueBody(canonical);
                SupplierOrder supplierOrder = orders.toSupplierOrder(order.order(), hubReference, current);
                yield order.isHandOut() ? supplierOrder.asHandOutOf(order.handedOutDeviceId()) : supplierOrder;
            }
            case RETURN -> returns.toSupplierReturn(KommunMessageMappers.readTrusted(canonical, ReturnMessage.class),
                    hubReference, current);
            case FAULT_REPORT -> faultReports.toSupplierFaultReport(
                    KommunMessageMappers.readTrusted(canonical, FaultReportMessage.class), hubReference, current);
            case INCIDENT_REPORT -> throw new IllegalArgumentException("incident reports do not go to the supplier");
            case LOANS_REQUEST, FOLLOW_UP_DONE -> throw new IllegalArgumentException(type + " is the hub's own to answer");
        };
        return json.writeValueAsString(translated);
    }

    /** The supplier took the message through its type's channel (the API's answer, or the file drop's file written). */
    public void taken(@ExchangeProperty(MessageProperties.HUB_REFERENCE) String hubReference,
            @ExchangeProperty(MESSAGE_TYPE) MessageType type) {
        tracking.handedToSupplier(hubReference, channels.of(type).name(), OffsetDateTime.now(clock));
        log.info("{} taken by the supplier", hubReference);
    }

    /** The supplier refused the message: the municipality's status event REJECTED_BY_SUPPLIER with the supplier's reason. */
    public KommunEvent rejected(Message message, @Header("CamelHttpResponseCode") int status,
            @ExchangeProperty(MessageProperties.HUB_REFERENCE) String hubReference,
            @ExchangeProperty(MessageProperties.MESSAGE_ID) String messageId,
            @ExchangeProperty(MessageProperties.KOMMUN_CODE) String kommunCode,
            @ExchangeProperty(MESSAGE_TYPE) MessageType type) throws JsonProcessingException {
        String reason = reason(message.getBody(String.class), status);
        OffsetDateTime now = OffsetDateTime.now(clock);
        log.info("{} rejected by the supplier with HTTP {}", hubReference, status);
        String eventType = StatusEvent.typeFor(type);
        Object event = eventType.equals(OrderStatusEvent.TYPE)
                ? OrderStatusEvent.rejectedBySupplier(messageId, hubReference, reason, now)
                : StatusEvent.rejectedBySupplier(eventType, messageId, hubReference, reason, now);
        return new KommunEvent(kommunCode, eventType, messageId, hubReference, event);
    }

    /**
     * Records the refusal, after its event was sent: had it been recorded first, a send that failed would
     * have been retried against a message no longer waiting for the supplier, and the event never sent.
     */
    public void recordRejected(@ExchangeProperty(MessageProperties.HUB_REFERENCE) String hubReference) {
        tracking.updateStatus(hubReference, TrackingStatus.REJECTED_BY_SUPPLIER, OffsetDateTime.now(clock));
    }

    public void unavailable(@Header("CamelHttpResponseCode") int status) {
        accessToken.refusedWith(status);
        throw new SupplierUnavailableException("the supplier's API answered HTTP " + status);
    }

    /** The supplier's code in the hub's words: its own text quotes what was sent ({@link SupplierRefusalReason}). */
    private String reason(String problemBody, int status) {
        String code = null;
        try {
            JsonNode problem = json.readTree(problemBody == null ? "{}" : problemBody);
            code = problem.hasNonNull("code") ? problem.get("code").asText() : null;
        } catch (JsonProcessingException notJson) {
            // the status alone must do
        }
        return SupplierRefusalReason.ofApiAnswer(code, status);
    }
}
