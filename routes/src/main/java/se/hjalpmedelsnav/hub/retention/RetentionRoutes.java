package se.hjalpmedelsnav.hub.retention;

import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.hub.stage.StageRouteBuilder;

/**
 * The scheduled purge as a route of its own ({@code retention-purge}), so that Hawtio shows it beside the
 * pipeline: when it last ran, how long it took, and an admin can stop or start it. It is no stage (it consumes
 * no queue), like the incident deadline check; a run that fails is recorded and logged by the purge itself and
 * the next one comes at the next tick.
 */
@Component
public class RetentionRoutes extends StageRouteBuilder {

    private final RetentionProperties properties;

    public RetentionRoutes(RetentionProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        if (!properties.enabled()) {
            return;
        }
        from("timer:retention-purge?period=" + properties.interval().toMillis() + "&delay="
                + properties.initialDelay().toMillis())
                .routeId("retention-purge")
                .bean(RetentionPurge.class, "run").id("retention-purge-run");
    }
}
