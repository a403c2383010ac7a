package se.hjalpmedelsnav.hub.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.broker.MessageProperties;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.hub.stage.KommunEvents.KommunEvent;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;

/**
 * What the intake sends: the canonical message onwards, the receipt back. Plain processors on the
 * {@link Intake} body, run for every message (no expression language to evaluate per message).
 */
@Component
public class IntakeMessages {

    /** The event type of a receipt on {@code .out}. */
    public static final String RECEIPT = "RECEIPT";

    /** The exchange property naming the queue where the accepted message waits. */
    public static final String SUPPLIER_QUEUE = "navSupplierQueue";

    private static final ObjectMapper JSON = KommunMessageMappers.json();

    private final ProtectedIdentityMarker protectedIdentity;

    public IntakeMessages(ProtectedIdentityMarker protectedIdentity) {
        this.protectedIdentity = protectedIdentity;
    }

    /** Whether the messageId was seen before (the original receipt is sent again). */
    public static boolean duplicate(Exchange exchange) {
        return exchange.getMessage().getBody(Intake.class).duplicate();
    }

    /** Whether the intake's message goes on to the supplier (see {@link Intake#toForward()}). */
    public static boolean toForward(Exchange exchange) {
        return exchange.getMessage().getBody(Intake.class).toForward();
    }

    /**
     * The accepted message in canonical JSON, whatever format it arrived in, with the head the later stages
     * read, and its queue ({@link #SUPPLIER_QUEUE}): the supplier's, or for an incident report its two
     * recipients'.
     */
    public void toSupplier(Exchange exchange) throws JsonProcessingException {
        Message message = exchange.getMessage();
        Intake intake = message.getBody(Intake.class);
        message.setHeader(MessageProperties.MESSAGE_ID, intake.messageId());
        message.setHeader(MessageProperties.HUB_REFERENCE, intake.hubReference());
        message.setHeader(MessageProperties.MESSAGE_TYPE, intake.message().type());
        // So that the console hides the body of a protected user's message wherever it waits.
        message.setHeader(MessageProperties.PROTECTED, protectedIdentity.isProtected(intake));
        if (!intake.duplicate()) {
            // A forward again must not carry the id: Artemis would fail the whole transaction on it.
            message.setHeader(MessageProperties.BROKER_DUPLICATE_ID, intake.hubReference());
        }
        exchange.setProperty(SUPPLIER_QUEUE, Queues.forAccepted(intake.message().type()));
        message.setBody(JSON.writeValueAsString(intake.message()));
    }

    /** The receipt, to the municipality whose queue the message came on, answering the messageId it sent. */
    public static void receipt(Exchange exchange) {
        Message message = exchange.getMessage();
        Intake intake = message.getBody(Intake.class);
        message.setBody(new KommunEvent(message.getHeader(MessageProperties.KOMMUN_CODE, String.class), RECEIPT,
                intake.correlationId(), null, intake.receipt()));
    }
}
