package se.hjalpmedelsnav.hub.stage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.broker.MessageProperties;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;
import se.hjalpmedelsnav.mappings.message.WellFormedText;

/**
 * The one way to tell a municipality something: a receipt or a status event on its {@code .out} queue.
 *
 * <p>Inside a stage, a step returns a {@link KommunEvent} and the route sends it {@code .to(KommunEvents.OUT)}:
 * it leaves in the stage's transaction, with the municipality's code, its {@code JMSCorrelationID}, the event
 * type and the hub reference as its only properties, and the event as JSON. Outside a stage (a confirmation, a deadline
 * alert) {@link #sendNow} sends the same message at once, durable on the broker when it returns.
 */
@Component
public class KommunEvents extends RouteBuilder {

    /** The route a stage sends its {@link KommunEvent} to. */
    public static final String OUT = "direct:kommun-out";

    private static final ObjectMapper JSON = KommunMessageMappers.json();

    private final ProducerTemplate producer;

    public KommunEvents(ProducerTemplate producer) {
        this.producer = producer;
    }

    /**
     * What goes to one municipality.
     *
     * @param correlationId the municipality's messageId the event answers (its {@code JMSCorrelationID})
     * @param hubReference  the hub reference, or null (a REJECTED receipt has none)
     * @param event         the receipt or status event, written as JSON
     */
    public record KommunEvent(String kommunCode, String eventType, String correlationId, String hubReference,
            Object event) {
    }

    @Override
    public void configure() {
        // No error handler of its own: a failed send is the calling stage's, which retries and parks it.
        from(OUT).routeId("kommun-out")
                .errorHandler(noErrorHandler())
                .process(KommunEvents::address).id("address-kommun-event")
                .toD("jms:queue:nav.kommun.${header." + MessageProperties.KOMMUN_CODE + "}.out?jmsMessageType=Text")
                .id("to-kommun-out");
    }

    /** Sends {@code event} now, outside any stage (a plain persistent send, not part of a JMS transaction). */
    public void sendNow(KommunEvent event) {
        // transacted=false: not deferred to the end of the caller's database transaction, so a failure shows here.
        producer.sendBodyAndHeaders("jms:queue:" + Queues.kommunOut(event.kommunCode())
                + "?jmsMessageType=Text&transacted=false", json(event), headers(event));
    }

    /**
     * Sends {@code event} now, outside any stage, under the broker's duplicate id {@code brokerDuplicateId}: a second
     * send of the same id (after a crash between the send and recording it) is dropped by the broker, so the
     * municipality gets it once.
     */
    public void sendNowOnce(KommunEvent event, String brokerDuplicateId) {
        var headers = headers(event);
        headers.put(MessageProperties.BROKER_DUPLICATE_ID, brokerDuplicateId);
        producer.sendBodyAndHeaders("jms:queue:" + Queues.kommunOut(event.kommunCode())
                + "?jmsMessageType=Text&transacted=false", json(event), headers);
    }

    /** The message's body becomes the event's JSON, its headers exactly the event's properties. */
    static void address(Exchange exchange) throws InvalidPayloadException {
        KommunEvent event = exchange.getMessage().getMandatoryBody(KommunEvent.class);
        exchange.getMessage().removeHeaders("*");
        headers(event).forEach(exchange.getMessage()::setHeader);
        exchange.getMessage().setBody(json(event));
    }

    private static Map<String, Object> headers(KommunEvent event) {
        var headers = new LinkedHashMap<String, Object>();
        headers.put(MessageProperties.KOMMUN_CODE, event.kommunCode());
        headers.put(MessageProperties.CORRELATION_ID, event.correlationId());
        headers.put(MessageProperties.EVENT_TYPE, event.eventType());
        if (event.hubReference() != null) {
            headers.put(MessageProperties.HUB_REFERENCE, event.hubReference());
        }
        return headers;
    }

    /**
     * The event as JSON, which must hold no unpaired UTF-16 surrogate: an AMQP 1.0 client (rhea, for one) cannot
     * decode such a frame and the municipality's {@code .out} would stall behind it. The intake and the webhook
     * refuse such text at the door; this is the last guard, and what it stops is parked at once.
     */
    static String json(KommunEvent event) {
        String json;
        try {
            json = JSON.writeValueAsString(event.event());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the " + event.eventType() + " event as JSON", e);
        }
        if (WellFormedText.hasUnpairedSurrogate(json)
                || (event.correlationId() != null && WellFormedText.hasUnpairedSurrogate(event.correlationId()))) {
            throw new UnsendableTextException(event.eventType());
        }
        return json;
    }

    /** An event whose text a municipality's AMQP client could not read: never sent, parked for an operator. */
    public static class UnsendableTextException extends IllegalStateException implements PermanentFailure {
        public UnsendableTextException(String eventType) {
            super("the " + eventType + " event holds an unpaired UTF-16 surrogate and is not sent to the municipality");
        }
    }
}
