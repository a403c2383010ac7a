package se.hjalpmedelsnav.hub.security;

import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.hub.intake.Intake;
import se.hjalpmedelsnav.mappings.order.OrderMessage;

/**
 * Marks every message the intake hands on with {@value #PROPERTY} {@code true} or {@code false}: whether it
 * concerns a user with protected identity (SEKRETESSMARKERING or SKYDDAD_FOLKBOKFORING). The mark travels
 * with the message to its dead-letter queue, where the console ({@link JolokiaMessageMasking}) reads it to
 * hide the body.
 */
@Component
public class ProtectedIdentityMarker {

    /** The JMS property the intake sets on what it hands on. */
    public static final String PROPERTY = "navProtected";

    public boolean isProtected(Intake intake) {
        return intake.message() instanceof OrderMessage order && order.recipient() != null
                && order.recipient().isProtected();
    }
}
