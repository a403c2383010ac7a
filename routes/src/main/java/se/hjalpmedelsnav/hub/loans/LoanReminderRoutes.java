package se.hjalpmedelsnav.hub.loans;

import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.hub.stage.StageRouteBuilder;

/**
 * The reminder job as a route of its own ({@code loan-reminders}), so that Hawtio shows it beside the pipeline: when
 * it last ran and how long it took, and an admin can stop or start it. Like {@code retention-purge} it is no stage
 * (it consumes no queue): a run that fails is logged, its unsent reminders stay recorded, and the next tick sends
 * them.
 */
@Component
public class LoanReminderRoutes extends StageRouteBuilder {

    private final LoanReminderProperties properties;

    public LoanReminderRoutes(LoanReminderProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        if (!properties.enabled()) {
            return;
        }
        from("timer:loan-reminders?period=" + properties.interval().toMillis() + "&delay="
                + properties.initialDelay().toMillis())
                .routeId("loan-reminders")
                .bean(LoanReminderJob.class, "run").id("loan-reminders-run");
    }
}
