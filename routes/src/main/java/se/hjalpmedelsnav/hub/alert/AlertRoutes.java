package se.hjalpmedelsnav.hub.alert;

import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.hub.stage.StageRouteBuilder;

/**
 * The alerts' evaluation as a route of its own ({@code alert-check}), so Hawtio shows when it last ran; like the
 * incident deadline check and the retention purge it is no stage (it consumes no queue). Every hub evaluates, so each
 * hub's metrics carry the alerts (Prometheus' rules take the maximum over the hubs).
 */
@Component
public class AlertRoutes extends StageRouteBuilder {

    private final AlertProperties properties;

    public AlertRoutes(AlertProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        if (!properties.enabled()) {
            return;
        }
        from("timer:alert-check?period=" + properties.checkInterval().toMillis() + "&delay="
                + properties.initialDelay().toMillis())
                .routeId("alert-check")
                .bean(AlertCheck.class, "run").id("alert-check-run");
    }
}
