package se.hjalpmedelsnav.hub.stage;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.broker.MessageProperties;

/**
 * Error handling shared by every stage, declared once, with its two policies.
 *
 * <p>A stage consumes in a local JMS transaction. When it fails, the exception rolls the transaction
 * back: nothing it sent goes out, and the broker redelivers the message later with back-off (address
 * settings). The stage gives up and parks the original message on its own dead-letter queue
 * ({@link StageRouteBuilder#DEAD_LETTER_QUEUE}) in the same transaction as the acknowledgement, so the message is
 * never lost and never loops:
 * <ul>
 *   <li><b>retry, then park</b> ({@value #RETRIED}): on the attempt numbered {@code nav.stage.max-attempts};
 *   <li><b>park now</b> ({@value #PERMANENT}): at once, for a failure that is a {@link PermanentFailure}.
 * </ul>
 * Both record the reason, the stage, the policy and the queue the message came from, so every parked message
 * can be replayed (admin API, or the console's "retry").
 *
 * <p>A failure in a {@code direct:} route the stage calls is the stage's too: those routes have no error
 * handler of their own ({@code noErrorHandler()}), since one would mark the failure dealt with and this
 * handling would never run for it. A route holding a multicast is the exception: a multicast leaves a
 * failed branch to the error handler of its own route, so that route uses this configuration, and the
 * multicast shares its unit of work so that what is parked is the message as the stage received it.
 * Bad input is not an exception: it gets a REJECTED receipt and never comes here.
 */
@Component
public class StageErrorHandling extends RouteConfigurationBuilder {

    /** The route configuration every stage names ({@link StageRouteBuilder} does it). */
    public static final String ID = "stage-error-handling";
    public static final String RETRIED = "RETRIED";
    public static final String PERMANENT = "PERMANENT";

    private final int maxAttempts;

    public StageErrorHandling(@Value("${nav.stage.max-attempts:5}") int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                    .onWhen(this::givesUp)
                    .handled(true)
                    .useOriginalMessage()
                    // Why, where and how it was parked; and where it came from, in Artemis' own properties:
                    // the admin API's replay and the console's "retry" put it back there.
                    .process(StageErrorHandling::labelParked)
                    .log(LoggingLevel.ERROR, "Parked message of stage ${exchangeProperty." + StageRouteBuilder.STAGE
                            + "} on ${exchangeProperty." + StageRouteBuilder.DEAD_LETTER_QUEUE + "} (${header."
                            + MessageProperties.PARK_POLICY + "}, attempt ${header.JMSXDeliveryCount}): ${header."
                            + MessageProperties.FAILURE_REASON + "}")
                    .toD("jms:queue:${exchangeProperty." + StageRouteBuilder.DEAD_LETTER_QUEUE + "}")
                .end();
    }

    /**
     * The parked message's labels. One processor for the five, not five bean or simple expressions: this
     * configuration is copied into every stage route (64), and each expression is built again for each of them
     * when the routes are created, which was a tenth of the hub's start-up.
     */
    static void labelParked(Exchange exchange) {
        Message message = exchange.getMessage();
        message.setHeader(MessageProperties.PARK_POLICY, policy(exchange));
        message.setHeader(MessageProperties.FAILURE_REASON, FailureReasons.describe(failure(exchange)));
        message.setHeader(MessageProperties.FAILED_STAGE, exchange.getProperty(StageRouteBuilder.STAGE));
        message.setHeader(MessageProperties.ORIGINAL_ADDRESS, exchange.getProperty(StageRouteBuilder.ORIGIN_QUEUE));
        message.setHeader(MessageProperties.ORIGINAL_QUEUE, exchange.getProperty(StageRouteBuilder.ORIGIN_QUEUE));
    }

    private boolean givesUp(Exchange exchange) {
        return PermanentFailure.isPermanent(failure(exchange)) || deliveryCount(exchange) >= maxAttempts;
    }

    /** {@value #PERMANENT} for a permanent failure, else {@value #RETRIED}. */
    public static String policy(Exchange exchange) {
        return PermanentFailure.isPermanent(failure(exchange)) ? PERMANENT : RETRIED;
    }

    private static Throwable failure(Exchange exchange) {
        Throwable failure = exchange.getException();
        return failure != null ? failure : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }

    /**
     * The broker's delivery count of the message the stage consumed, read from the message as it arrived:
     * a step may have removed the header since ({@code direct:kommun-out} keeps only what a municipality gets).
     * The message as it arrived is kept for every stage, as this handling parks it ({@code useOriginalMessage}).
     */
    static int deliveryCount(Exchange exchange) {
        Message arrived = exchange.getUnitOfWork() == null ? null : exchange.getUnitOfWork().getOriginalInMessage();
        Integer count = arrived == null ? null : arrived.getHeader(MessageProperties.DELIVERY_COUNT, Integer.class);
        if (count == null) {
            count = exchange.getMessage().getHeader(MessageProperties.DELIVERY_COUNT, Integer.class);
        }
        return count == null ? 0 : count;
    }
}
