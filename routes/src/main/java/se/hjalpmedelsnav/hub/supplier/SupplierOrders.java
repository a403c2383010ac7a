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
import se.hjalpmedelsnav.hub.intake.IntakeHeaders;
import se.hjalpmedelsnav.hub.tracking.TrackingStatus;
import se.hjalpmedelsnav.hub.tracking.TrackingStore;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;
import se.hjalpmedelsnav.mappings.message.OrderStatusEvent;
import se.hjalpmedelsnav.mappings.order.OrderMessage;
import se.hjalpmedelsnav.mappings.registry.RegistrySource;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderTranslator;

/** The steps of the order's way to the supplier's API, called by name from {@link SupplierOrderRoutes}. */
@Component
public class SupplierOrders {

    private static final Logger log = LoggerFactory.getLogger(SupplierOrders.class);
    private static final int MAX_REASON_LENGTH = 300;

    private final ObjectMapper json = KommunMessageMappers.json();
    private final SupplierOrderTranslator translator = new SupplierOrderTranslator();
    private final RegistrySource registry;
    private final SupplierAccessToken accessToken;
    private final TrackingStore tracking;
    private final Clock clock;

    public SupplierOrders(RegistrySource registry, SupplierAccessToken accessToken, TrackingStore tracking,
            Clock clock) {
        this.registry = registry;
        this.accessToken = accessToken;
        this.tracking = tracking;
        this.clock = clock;
    }

    /**
     * Whether the order still waits for the supplier. A copy of an order the supplier already took or
     * refused (handed on again after a restart) is acknowledged and goes no further.
     */
    public boolean stillToDeliver(@ExchangeProperty(IntakeHeaders.HUB_REFERENCE) String hubReference) {
        boolean waiting = tracking.byHubReference(hubReference)
                .map(tracked -> tracked.status() == TrackingStatus.ACCEPTED)
                .orElse(true);
        if (!waiting) {
            log.info("Order {} is with the supplier already; this copy is not sent again", hubReference);
        }
        return waiting;
    }

    /** The canonical order as the supplier's API takes it. */
    public String translate(@Body String canonicalOrder,
            @ExchangeProperty(IntakeHeaders.HUB_REFERENCE) String hubReference) throws JsonProcessingException {
        OrderMessage order = json.readValue(canonicalOrder, OrderMessage.class);
        return json.writeValueAsString(translator.toSupplierOrder(order, hubReference, registry.current()));
    }

    public String authorization() {
        return "Bearer " + accessToken.bearerToken();
    }

    public void taken(@ExchangeProperty(IntakeHeaders.HUB_REFERENCE) String hubReference) {
        // Only from ACCEPTED: the supplier's first event may have overtaken this answer.
        tracking.advanceStatus(hubReference, TrackingStatus.ACCEPTED, TrackingStatus.SENT_TO_SUPPLIER,
                OffsetDateTime.now(clock));
        log.info("Order {} taken by the supplier", hubReference);
    }

    /** The supplier refused the order: the municipality's ORDER_STATUS REJECTED_BY_SUPPLIER with the supplier's reason. */
    public String rejected(Message message, @Header("CamelHttpResponseCode") int status,
            @ExchangeProperty(IntakeHeaders.HUB_REFERENCE) String hubReference,
            @ExchangeProperty(IntakeHeaders.MESSAGE_ID) String messageId,
            @ExchangeProperty(IntakeHeaders.KOMMUN_CODE) String kommunCode) throws JsonProcessingException {
        String reason = reason(message.getBody(String.class), status);
        tracking.updateStatus(hubReference, TrackingStatus.REJECTED_BY_SUPPLIER, OffsetDateTime.now(clock));
        log.info("Order {} rejected by the supplier with HTTP {}", hubReference, status);
        message.setHeader(IntakeHeaders.KOMMUN_CODE, kommunCode);
        message.setHeader(IntakeHeaders.EVENT_TYPE, OrderStatusEvent.TYPE);
        message.setHeader(IntakeHeaders.HUB_REFERENCE, hubReference);
        message.setHeader("JMSCorrelationID", messageId);
        return json.writeValueAsString(
                OrderStatusEvent.rejectedBySupplier(messageId, hubReference, reason, OffsetDateTime.now(clock)));
    }

    public void unavailable(@Header("CamelHttpResponseCode") int status) {
        if (status == 401 || status == 403) {
            accessToken.invalidate();
        }
        throw new SupplierUnavailableException("the supplier's API answered HTTP " + status);
    }

    private String reason(String problemBody, int status) {
        String reason = "the supplier refused the order (HTTP " + status + ")";
        try {
            JsonNode problem = json.readTree(problemBody == null ? "{}" : problemBody);
            if (problem.hasNonNull("message")) {
                reason = (problem.hasNonNull("code") ? problem.get("code").asText() + ": " : "")
                        + problem.get("message").asText();
            }
        } catch (JsonProcessingException notJson) {
            // the status alone must do
        }
        return reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason;
    }
}
