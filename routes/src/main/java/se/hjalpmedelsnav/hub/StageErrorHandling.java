package se.hjalpmedelsnav.hub;

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
 * Bad input is not an exception: it gets a REJECTED
 * receipt and never comes here.
 */
@Component
public class StageErrorHandling extends RouteConfigurationBuilder {

    /** Exchange property each stage sets first: the queue where it parks what it gives up on. */
    public static final String DEAD_LETTER_QUEUE = "navDeadLetterQueue";

    private final int maxAttempts;

    public StageErrorHandling(@Value("${nav.stage.max-attempts:5}") int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    @Override
    public void configuration() {
        routeConfiguration("stage-error-handling")
                .onException(Exception.class)
                    .onWhen(header("JMSXDeliveryCount").isGreaterThanOrEqualTo(maxAttempts))
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
}
