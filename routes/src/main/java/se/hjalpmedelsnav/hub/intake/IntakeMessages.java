package se.hjalpmedelsnav.hub.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.broker.MessageProperties;
import se.hjalpmedelsnav.hub.stage.KommunEvents.KommunEvent;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;

/** What the intake sends: the canonical message onwards, the receipt back. */
@Component
public class IntakeMessages {

    /** The event type of a receipt on {@code .out}. */
    public static final String RECEIPT = "RECEIPT";

    private final ObjectMapper json = KommunMessageMappers.json();

    /** The accepted message in canonical JSON, whatever format it arrived in. */
    public String canonicalJson(Intake intake) throws JsonProcessingException {
        return json.writeValueAsString(intake.message());
    }

    /** The queue where the accepted message waits for the supplier (or, an incident report, for its two recipients). */
    public String supplierQueue(Intake intake) {
        return Queues.forAccepted(intake.message().type());
    }

    /** The receipt, to the municipality whose queue the message came on, answering the messageId it sent. */
    public KommunEvent receipt(Intake intake, @Header(MessageProperties.KOMMUN_CODE) String kommunCode) {
        return new KommunEvent(kommunCode, RECEIPT, intake.correlationId(), null, intake.receipt());
    }
}
