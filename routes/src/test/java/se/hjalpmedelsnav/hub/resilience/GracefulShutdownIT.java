package se.hjalpmedelsnav.hub.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static se.hjalpmedelsnav.hub.resilience.ResilienceRun.Disruption.TERM;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code kill <pid>} (SIGTERM, what {@code docker stop} and systemd send) while orders are in flight:
 * the hub stops taking messages first, lets the exchanges in flight finish, stops its embedded broker
 * after Camel, and exits by itself; restarted on the same data it delivers the rest, each order once.
 */
class GracefulShutdownIT {

    @Test
    void stoppedWhileOrdersAreInFlightTheHubFinishesThemAndDeliversEverythingOnceAfterARestart() throws Exception {
        var result = ResilienceRun.run("sigterm", Integer.getInteger("nav.test.shutdown.orders", 1500),
                List.of(TERM), null, Map.of());

        ResilienceRun.assertDeliveredExactlyOnce(result.report());
        String shutdown = result.shutdownLogs().get(0);
        assertThat(shutdown).as("Camel stops its routes gracefully: consumers first, then waits for what is in flight")
                .contains("is shutting down (timeout:25s)")
                .containsPattern("Routes stopped \\(total:\\d+")
                .doesNotContain("Timeout occurred during graceful shutdown");
        assertThat(shutdown).as("exchanges in flight finish instead of failing under the shutdown")
                .doesNotContain("Failed delivery for");
        assertThat(shutdown.indexOf("Embedded Artemis broker stopped"))
                .as("the embedded broker stops after Camel has shut down")
                .isGreaterThan(shutdown.indexOf("shutdown in"))
                .isPositive();
        // 143 = 128 + SIGTERM: the JVM ended through its shutdown hooks, not by a forced kill.
        assertThat(result.exitCodes().get(0)).isIn(0, 143);
    }
}
