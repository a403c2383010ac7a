package se.hjalpmedelsnav.hub.resilience;

import static se.hjalpmedelsnav.hub.resilience.ResilienceRun.Disruption.KILL;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Kills the packaged hub (its embedded broker and database with it) with SIGKILL at random moments
 * while the county's municipalities send thousands of orders, restarts it on the same data folder,
 * and checks what the municipalities and the supplier saw: every order reached the supplier exactly
 * once, every order got exactly one original receipt (a duplicate receipt only for a resend), nothing
 * is left on the hub's queues and no dead-letter queue holds anything. The supplier simulator runs as
 * a process of its own, so it keeps counting while the hub is dead. The counts go to the build log
 * (lines starting with {@code RESILIENCE}).
 */
class HubKillIT {

    static final int ORDERS = Integer.getInteger("nav.test.kill.orders", 5000);
    /** The outage run proves recovery, not volume: fewer orders keep the suite's time in bounds. */
    static final int OUTAGE_ORDERS = Integer.getInteger("nav.test.outage.orders", 2000);

    @Test
    void killedThreeTimesAtRandomTheHubLosesNothingAndDuplicatesNothing() throws Exception {
        var result = ResilienceRun.run("kill", ORDERS, List.of(KILL, KILL, KILL), null, Map.of());

        ResilienceRun.assertDeliveredExactlyOnce(result.report());
    }

    @Test
    void aSupplierOutageMidRunIsDeliveredAfterRecoveryDespiteAKill() throws Exception {
        // The outage (20 s) must fit the stages' retry budget: broker back-off 0.5 s doubling to 60 s,
        // ten attempts are about three minutes before a message would be parked.
        var result = ResilienceRun.run("outage", OUTAGE_ORDERS, List.of(KILL), Duration.ofSeconds(20),
                Map.of("nav.stage.max-attempts", "10"));

        ResilienceRun.assertDeliveredExactlyOnce(result.report());
    }
}
