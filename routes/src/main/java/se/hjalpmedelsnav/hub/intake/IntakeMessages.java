package se.hjalpmedelsnav.hub.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.hub.broker.Queues;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;

/** What the intake sends: the canonical message onwards, the receipt back. */
@Component
public class IntakeMessages {

    private final ObjectMapper json = KommunMessageMappers.json();

    /** The accepted message in canonical JSON, whatever format it arrived in. */
    public String canonicalJson(Intake intake) throws JsonProcessingException {
        return json.writeValueAsString(intake.message());
    }

    /** The queue where the accepted message waits for the supplier (or, an incident report, for its two recipients). */
    public String supplierQueue(Intake intake) {
        return Queues.forAccepted(intake.message().type());
    }

    public String receiptJson(Intake intake) throws JsonProcessingException {
        return json.writeValueAsString(intake.receipt());
    }
}
