package se.hjalpmedelsnav.hub.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.mappings.message.ContractError;

/**
 * Counts what the intake answered, per municipality, message type and outcome, and the error codes
 * of refusals: {@code nav_messages_total} and {@code nav_message_errors_total} in Prometheus. Tags
 * are codes only, never anything from a person.
 */
@Component
public class IntakeMetrics {

    private final MeterRegistry meters;

    public IntakeMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public Intake count(Intake intake) {
        String type = intake.message() != null ? intake.message().type().name() : "UNREADABLE";
        String outcome = intake.duplicate() ? "DUPLICATE" : intake.receipt().status().name();
        Counter.builder("nav.messages")
                .description("Messages from municipalities, by outcome")
                .tag("kommun", intake.queueKommunCode())
                .tag("type", type)
                .tag("outcome", outcome)
                .register(meters)
                .increment();
        if (!intake.duplicate()) {
            for (ContractError error : intake.errors()) {
                Counter.builder("nav.message.errors")
                        .description("Errors in refused messages, by code")
                        .tag("kommun", intake.queueKommunCode())
                        .tag("code", error.code().name())
                        .register(meters)
                        .increment();
            }
        }
        return intake;
    }
}
