package se.hjalpmedelsnav.hub.intake;

import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.broker.MessageProperties;
import se.hjalpmedelsnav.mappings.order.OrderMessage;

/**
 * Marks every message the intake hands on with {@link MessageProperties#PROTECTED} {@code true} or {@code false}: whether it
 * concerns a user with protected identity (SEKRETESSMARKERING or SKYDDAD_FOLKBOKFORING). The mark travels
 * with the message to its dead-letter queue, where the console (the security package's Jolokia masking) reads it to
 * hide the body.
 */
@Component
public class ProtectedIdentityMarker {

    public boolean isProtected(Intake intake) {
        return intake.message() instanceof OrderMessage order && order.recipient() != null
                && order.recipient().isProtected();
    }
}
