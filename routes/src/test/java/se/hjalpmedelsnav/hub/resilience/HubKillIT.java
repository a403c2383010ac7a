package se.hjalpmedelsnav.hub.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static se.hjalpmedelsnav.hub.resilience.ResilienceRun.Disruption.KILL;
import static se.hjalpmedelsnav.hub.resilience.ResilienceRun.Disruption.TERM;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import se.hjalpmedelsnav.hub.support.HubTest;

/**
 * Kills the packaged hub (its embedded broker and database with it) with SIGKILL at random moments
 * while the county's municipalities send thousands of orders, restarts it on the same data folder,
 * and checks what the municipalities and the supplier saw: every order reached the supplier exactly
 * once, every order got exactly one original receipt (a duplicate receipt only for a resend), nothing
 * is left on the hub's queues and no dead-letter queue holds anything. The supplier simulator runs as
 * a process of its own, so it keeps counting while the hub is dead. The counts go to the build log
 * (lines starting with {@code RESILIENCE}).
 *
 * <p>The same run also stops the hub once with {@code kill <pid>} (SIGTERM, what {@code docker stop} and
 * systemd send) while orders are in flight: it must stop taking messages first, let the exchanges in
 * flight finish, stop its embedded broker after Camel and exit by itself. After that stop the supplier
 * goes down for 20 s, and the next kill falls in or after that outage: what the hub could not deliver meanwhile
 * is delivered after recovery, once. One run for all of it keeps the suite's time in bounds (each run pays for
 * its own hub and supplier start-ups).
 */
@Tag(HubTest.STARTS_A_HUB)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(HubTest.HUB_PROCESSES)
class HubKillIT {

    static final int ORDERS = Integer.getInteger("nav.test.kill.orders", 5000);
    /** BUFFER_WITHDRAWALs among the orders: each must be registered once and its store refilled at most once. */
    static final int WITHDRAWALS = Integer.getInteger("nav.test.kill.withdrawals", 150);

    @Test
    void killedThreeTimesAtRandomStoppedOnceAndTheSupplierDownForAWhileTheHubLosesNothingAndDuplicatesNothing()
            throws Exception {
        // The outage (20 s) must fit the stages' retry budget: broker back-off 0.5 s doubling to 60 s, ten
        // attempts are about three minutes before a message would be parked (a kill also costs an attempt).
        // It starts after the SIGTERM, so that the graceful stop is judged on deliveries that can succeed.
        var result = ResilienceRun.run("kill", ORDERS, WITHDRAWALS, List.of(KILL, TERM, KILL, KILL),
                new ResilienceRun.Outage(2, Duration.ofSeconds(20)), Map.of("nav.stage.max-attempts", "10"));

        ResilienceRun.assertDeliveredExactlyOnce(result.report());
        var withdrawals = result.report().withdrawals();
        assertThat(withdrawals.sent()).as("buffer withdrawals among the orders").isEqualTo(WITHDRAWALS);
        assertThat(withdrawals.registeredOnce()).as("withdrawals whose hand-out the supplier registered exactly once")
                .isEqualTo(WITHDRAWALS);
        assertThat(withdrawals.refilledTwice()).as("withdrawals whose store was refilled twice").isZero();
        assertThat(withdrawals.refillsUnwanted()).as("refills of a store whose autoRefill is off").isZero();
        assertThat(withdrawals.refilledOnce()).as("withdrawals whose store was refilled exactly once")
                .isEqualTo(withdrawals.refillsExpected()).isPositive();
        assertThat(result.refusedLogins()).as("municipality logins refused while the hub started again").isZero();
        assertStoppedGracefully(result.shutdownLogs().get(0), result.exitCodes().get(0));
        // The journal and the tracking store live in the data folder: after four restarts the hub still answers the
        // run's first order, sent again, with its original hub reference, flagged as a duplicate.
        assertThat(result.resent().receipt().path("duplicate").asBoolean()).isTrue();
        assertThat(result.resent().receipt().path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(result.resent().receipt().path("hubReference").asText()).isEqualTo(result.resent().hubReference());
    }

    private static void assertStoppedGracefully(String shutdown, int exitCode) {
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
        assertThat(exitCode).isIn(0, 143);
    }
}
