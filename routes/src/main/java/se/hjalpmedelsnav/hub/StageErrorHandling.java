package se.hjalpmedelsnav.hub;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.hub.admin.DeadLetters;
import se.hjalpmedelsnav.hub.intake.IntakeHeaders;

/**
 * Error handling shared by every stage, declared once.
 *
 * <p>A stage consumes in a local JMS transaction. When it fails, the exception rolls the transaction
 * back: nothing it sent goes out, and the broker redelivers the message later with back-off (address
 * settings). On the attempt numbered {@code nav.stage.max-attempts} the stage gives up: it parks the
 * original message on its own dead-letter queue (the exchange property {@value #DEAD_LETTER_QUEUE})
 * with the failure reason and stage as properties, in the same transaction as the acknowledgement,
 * so the message is never lost and never loops. It keeps the queue it came from, so it can be replayed.
 * A failure in a {@code direct:} route the stage calls is the stage's too: those routes have no error
 * handler of their own ({@code noErrorHandler()}), since one would mark the failure dealt with and this
 * handling would never run for it. A route holding a multicast is the exception: a multicast leaves a
 * failed branch to the error handler of its own route, so that route uses this configuration, and the
 * multicast shares its unit of work so that what is parked is the message as the stage received it.
 * Bad input is not an exception: it gets a REJECTED
 * receipt and never comes here.
 */
@Component
public class StageErrorHandling extends RouteConfigurationBuilder {

    /** Exchange property each stage sets first: the queue where it parks what it gives up on. */
    public static final String DEAD_LETTER_QUEUE = "navDeadLetterQueue";

    private static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    private final int maxAttempts;

    public StageErrorHandling(@Value("${nav.stage.max-attempts:5}") int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    @Override
    public void configuration() {
        routeConfiguration("stage-error-handling")
                .onException(Exception.class)
                    .onWhen(exchange -> deliveryCount(exchange) >= maxAttempts)
                    .handled(true)
                    .useOriginalMessage()
                    .setHeader(IntakeHeaders.FAILURE_REASON, method(FailureReasons.class, "describe"))
                    .setHeader(IntakeHeaders.FAILED_STAGE, exchangeProperty("navStage"))
                    // Where it came from, in Artemis' own properties: the admin API's replay and the
                    // console's "retry" put it back there.
                    .setHeader(DeadLetters.ORIGINAL_ADDRESS, method(DeadLetters.class, "originOf"))
                    .setHeader(DeadLetters.ORIGINAL_QUEUE, header(DeadLetters.ORIGINAL_ADDRESS))
                    .log(org.apache.camel.LoggingLevel.ERROR,
                            "Parked message of stage ${exchangeProperty.navStage} on ${exchangeProperty."
                                    + DEAD_LETTER_QUEUE + "} after ${header.JMSXDeliveryCount} attempts: "
                                    + "${header." + IntakeHeaders.FAILURE_REASON + "}")
                    .toD("jms:queue:${exchangeProperty." + DEAD_LETTER_QUEUE + "}")
                .end();
    }

    /**
     * The broker's delivery count of the message the stage consumed, read from the message as it arrived:
     * a step may have removed the header since ({@code direct:kommun-out} keeps only what a municipality gets).
     * The message as it arrived is kept for every stage, as this handling parks it ({@code useOriginalMessage}).
     */
    static int deliveryCount(Exchange exchange) {
        Message arrived = exchange.getUnitOfWork() == null ? null : exchange.getUnitOfWork().getOriginalInMessage();
        Integer count = arrived == null ? null : arrived.getHeader(DELIVERY_COUNT, Integer.class);
        if (count == null) {
            count = exchange.getMessage().getHeader(DELIVERY_COUNT, Integer.class);
        }
        return count == null ? 0 : count;
    }
}
