package se.hjalpmedelsnav.hub.stage;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import se.hjalpmedelsnav.broker.MessageProperties;
import se.hjalpmedelsnav.broker.Queues;

/**
 * The one way to write a stage: a route that consumes one of the hub's queues in a local JMS transaction.
 *
 * <pre>
 * stage("supplier-events", Queues.SUPPLIER_EVENTS)          // or stage(routeTemplate(...).from(...)) for a template
 *         .bean(SupplierEvents.class, "toKommunEvent")
 *         .to(KommunEvents.OUT);
 * </pre>
 *
 * Every stage then has the same {@link StageErrorHandling} (retry then park, or park now for a
 * {@link PermanentFailure}) and, before its first step, the same exchange properties: the stage (its route
 * id), the queue it consumed from and the dead-letter queue of that queue ({@link Queues#deadLetterQueueOf}),
 * the broker ids of the message ({@link TransportMessageId}), and, on the hub's internal queues, the message's
 * head (municipality, hub reference, messageId) as properties, so that a step may clear the headers. A
 * municipality's own properties on its {@code .in} are never taken as the head.
 */
public abstract class StageRouteBuilder extends RouteBuilder {

    /** The stage: the route id of the route that consumed the message. */
    public static final String STAGE = "navStage";
    /** The queue the stage consumed from: where a replay puts a parked message back. */
    public static final String ORIGIN_QUEUE = "navOriginQueue";
    /** The queue where the stage parks what it gives up on. */
    public static final String DEAD_LETTER_QUEUE = "navDeadLetterQueue";

    /** A stage consuming {@code queue}, with the consumer options of that stage (may be empty). */
    protected RouteDefinition stage(String routeId, String queue, String consumerOptions) {
        return stage(from(endpoint(queue, consumerOptions)).routeId(routeId));
    }

    protected RouteDefinition stage(String routeId, String queue) {
        return stage(routeId, queue, "");
    }

    /** Makes {@code route} (a {@code from} of one of the hub's queues, e.g. a template's) a stage. */
    protected static RouteDefinition stage(RouteDefinition route) {
        return route.routeConfigurationId(StageErrorHandling.ID).process(StageRouteBuilder::enter);
    }

    /** The JMS endpoint of a stage's queue: no reply is ever sent to a {@code JMSReplyTo}. */
    public static String endpoint(String queue, String consumerOptions) {
        return "jms:queue:" + queue + "?disableReplyTo=true"
                + (consumerOptions == null || consumerOptions.isBlank() ? "" : "&" + consumerOptions);
    }

    /** The stage's properties, set before its first step. */
    static void enter(Exchange exchange) throws JMSException {
        String queue = queueOf(exchange.getMessage().getHeader("JMSDestination", Destination.class));
        exchange.setProperty(STAGE, exchange.getFromRouteId());
        exchange.setProperty(ORIGIN_QUEUE, queue);
        exchange.setProperty(DEAD_LETTER_QUEUE, Queues.deadLetterQueueOf(queue));
        TransportMessageId.stamp(exchange);
        if (!queue.startsWith("nav.kommun.")) {
            for (String head : new String[] {MessageProperties.KOMMUN_CODE, MessageProperties.HUB_REFERENCE,
                    MessageProperties.MESSAGE_ID}) {
                Object value = exchange.getMessage().getHeader(head);
                if (value != null) {
                    exchange.setProperty(head, value);
                }
            }
        }
    }

    private static String queueOf(Destination destination) throws JMSException {
        if (destination instanceof Queue queue) {
            return queue.getQueueName();
        }
        throw new IllegalStateException("a stage consumes a queue, not " + destination);
    }
}
