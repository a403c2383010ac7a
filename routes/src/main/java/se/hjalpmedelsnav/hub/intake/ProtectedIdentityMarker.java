package se.hjalpmedelsnav.hub.intake;

import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.broker.MessageProperties;
import se.hjalpmedelsnav.mappings.order.DeviceForUserMessage;

/**
 * Marks every message the intake hands on with {@link MessageProperties#PROTECTED} {@code true} or {@code false}: whether it
 * concerns a user with protected identity (SEKRETESSMARKERING or SKYDDAD_FOLKBOKFORING). The mark travels
 * with the message to its dead-letter queue, where the console (the security package's Jolokia masking) reads it to
 * hide the body.
 */
@Component
public class ProtectedIdentityMarker {

    public boolean isProtected(Intake intake) {
        return intake.message() instanceof DeviceForUserMessage message && message.recipient() != null
                && message.recipient().isProtected();
    }
}
