package se.hjalpmedelsnav.hub.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import se.hjalpmedelsnav.hub.support.HubTest;

/**
 * Two faults of the production topology, one after the other on one set-up (the standalone broker from
 * tools/broker/artemis-broker.sh with security on, two packaged hubs as competing consumers, the supplier simulator
 * as a process, and a PostgreSQL server of the test's own): each fault gets its own batch of orders from every
 * municipality and its own counts.
 * <ol>
 *   <li>The database crashes under load ({@code pg_ctl stop -m immediate}), stays down for
 *   {@code -Dnav.test.db-restart.down-seconds} (10) and starts again: the hubs' transactions in flight roll back, the
 *   broker redelivers, the connection pools recover by themselves, with the production retry budget
 *   ({@code nav.stage.max-attempts} 5, the broker's back-off).
 *   <li>One of the two hubs is killed with SIGKILL and never started again: the other takes what the first had in
 *   flight (the broker redelivers it) and everything after. The killed hub is B: the supplier's webhook is configured
 *   with one hub's URL (A's), as production puts a load balancer there.
 * </ol>
 * Each asserts the kill test's counts: every order at the supplier exactly once, exactly one original receipt per order,
 * nothing left on the queues, the dead-letter queues empty. Sizes: {@code -Dnav.test.db-restart.orders} (1,500) and
 * {@code -Dnav.test.hub-lost.orders} (1,500).
 */
@Tag(HubTest.STARTS_A_HUB)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(HubTest.HUB_PROCESSES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseRestartAndHubLostIT {

    private static final Pattern HANDED_ON = Pattern.compile("Handed on ORDER ");
    /** Spring's listener container, once for each message whose transaction failed and was rolled back (redelivered). */
    private static final Pattern ROLLED_BACK = Pattern.compile("Execution of JMS message listener failed");
    /** Hikari, once for each pooled connection a failed statement showed to be dead. */
    private static final Pattern BROKEN_CONNECTION = Pattern.compile("marked as broken because of SQLSTATE");
    /** Hikari's pool refusing a connection it could not make within its connection timeout. */
    private static final Pattern NO_CONNECTION = Pattern.compile("Connection is not available, request timed out");
    private static final Pattern PARKED = Pattern.compile("Parked message of stage");

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private PostgresInstance database;
    private JavaProcess hubA;
    private JavaProcess hubB;
    private SupplierSimulator supplier;
    private int brokerPort;

    @BeforeAll
    void startTheTopology() throws Exception {
        Path data = County.dataDir("hub-faults");
        brokerPort = HubTest.freePort();
        int simulatorPort = HubTest.freePort();
        int httpA = HubTest.freePort();
        int httpB = HubTest.freePort();
        database = remember(PostgresInstance.start());
        JavaProcess simulator = remember(Hubs.simulator(data, simulatorPort,
                "http://127.0.0.1:" + httpA + "/api/supplier/events").launch());
        remember(StandaloneBroker.start(data.resolve("broker"), brokerPort));
        hubA = remember(Hubs.hub("hub A", data.resolve("a"), httpA, simulatorPort, hubProperties()).launch());
        hubB = remember(Hubs.hub("hub B", data.resolve("b"), httpB, simulatorPort, hubProperties()).launch());
        for (JavaProcess process : List.of(simulator, hubA, hubB)) {
            process.awaitReady(ResilienceRun.START_TIMEOUT);
        }
        supplier = new SupplierSimulator(simulatorPort);
    }

    @AfterAll
    void stopTheTopology() {
        // Hubs before the broker, the broker before the database; PostgreSQL's folder goes with it.
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("could not stop a part of the topology: " + e);
            }
        }
    }

    @Test
    @Order(1)
    void theDatabaseCrashedUnderLoadAndStartedAgainLosesNothingAndDuplicatesNothing() throws Exception {
        Duration down = Duration.ofSeconds(Integer.getInteger("nav.test.db-restart.down-seconds", 10));
        try (Batch batch = new Batch("db-restart", Integer.getInteger("nav.test.db-restart.orders", 1500))) {
            int receiptsAtCrash = batch.awaitThreeTenthsAnswered();
            long crashed = System.nanoTime();
            database.crash();
            JavaProcess.pause(down.toMillis());
            database.startServer();
            double downSeconds = (System.nanoTime() - crashed) / 1e9;

            var report = batch.settle("db-restart on PostgreSQL", 0);
            String hubsLogged = hubA.logSince(batch.logA) + hubB.logSince(batch.logB);
            long rolledBack = ROLLED_BACK.matcher(hubsLogged).results().count();
            System.out.println("RESILIENCE " + report.summary() + "; PostgreSQL crashed (pg_ctl stop -m immediate) after "
                    + receiptsAtCrash + " receipts, down %.1f s; the hubs logged: messages rolled back for redelivery=%d, "
                            .formatted(downSeconds, rolledBack)
                    + "pooled connections found dead=" + BROKEN_CONNECTION.matcher(hubsLogged).results().count()
                    + ", connection requests timed out=" + NO_CONNECTION.matcher(hubsLogged).results().count()
                    + ", messages parked=" + PARKED.matcher(hubsLogged).results().count());

            ResilienceRun.assertDeliveredExactlyOnce(report);
            assertThat(rolledBack).as("messages whose transaction the crash rolled back (it hit the hubs at work)")
                    .isPositive();
        }
    }

    @Test
    @Order(2)
    void oneOfTwoHubsKilledForGoodTheOtherDeliversWhatItHadInFlight() throws Exception {
        long commitsBefore = database.commits();
        int orderCount = Integer.getInteger("nav.test.hub-lost.orders", 1500);
        try (Batch batch = new Batch("hub-lost", orderCount)) {
            int receiptsAtKill = batch.awaitThreeTenthsAnswered();
            hubB.kill();
            long byBBeforeItDied = HANDED_ON.matcher(hubB.logSince(batch.logB)).results().count();
            long byABeforeTheKill = HANDED_ON.matcher(hubA.logSince(batch.logA)).results().count();

            var report = batch.settle("hub-lost, hub B killed for good", 1);
            long byA = HANDED_ON.matcher(hubA.logSince(batch.logA)).results().count();
            System.out.println("RESILIENCE " + report.summary() + "; hub B killed (SIGKILL) after " + receiptsAtKill
                    + " receipts and not started again; orders taken in by hub B=" + byBBeforeItDied + ", by hub A="
                    + byA + " (" + (byA - byABeforeTheKill) + " after the kill), by both (B died before its commit, the "
                    + "broker gave them to A)=" + (byA + byBBeforeItDied - orderCount) + "; PostgreSQL commits per order=%.1f"
                            .formatted((database.commits() - commitsBefore) / (double) orderCount));

            ResilienceRun.assertDeliveredExactlyOnce(report);
            assertThat(byBBeforeItDied).as("orders hub B took in before it was killed").isPositive();
            assertThat(byA - byABeforeTheKill).as("orders hub A took in after hub B was killed").isPositive();
        }
    }

    /**
     * One fault's orders, sent from a county of its own (its receipts are counted from zero) in the background, with
     * where the hubs' logs stood when it began.
     */
    private final class Batch implements AutoCloseable {

        final long logA = hubA.logSize();
        final long logB = hubB.logSize();
        private final long begun = System.nanoTime();
        private final County county = new County(brokerPort, null, null);
        private final List<County.Order> orders;
        private final Thread sender;

        Batch(String fault, int orderCount) {
            orders = county.orders(fault + "-" + UUID.randomUUID().toString().substring(0, 8), orderCount);
            sender = new Thread(() -> county.sendAll(orders, ResilienceRun.IN_FLIGHT), "county-sender");
            sender.start();
        }

        /** Waits until 30 % of the orders are answered (or all are sent): the fault falls in full traffic. */
        int awaitThreeTenthsAnswered() {
            while (county.answered() < orders.size() * 3 / 10 && sender.isAlive()) {
                JavaProcess.pause(100);
            }
            return county.answered();
        }

        /** Once everything is sent: waits for the counts to settle and counts. */
        DeliveryReport settle(String run, int kills) throws Exception {
            sender.join();
            Map<String, Long> left = ResilienceRun.settle(run, county, supplier, brokerPort, orders.size());
            return DeliveryReport.of(run, orders, supplierOrdersOf(orders), left, kills,
                    Duration.ofNanos(System.nanoTime() - begun).toSeconds());
        }

        @Override
        public void close() {
            county.close();
        }
    }

    /**
     * The supplier's orders of this batch only: the supplier holds the earlier batch's too, and the counts of each fault
     * stay apart ({@link DeliveryReport} counts an order of another batch as unknown).
     */
    private com.fasterxml.jackson.databind.JsonNode supplierOrdersOf(List<County.Order> orders) throws Exception {
        var references = new java.util.HashSet<String>();
        orders.forEach(o -> references.add(o.decisionReference));
        var batch = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (var order : supplier.orders()) {
            if (references.contains(order.path("order").path("decisionReference").asText())) {
                batch.add(order);
            }
        }
        return batch;
    }

    private Map<String, String> hubProperties() {
        var properties = new LinkedHashMap<String, String>();
        properties.put("nav.broker.embedded", "false");
        properties.put("nav.broker.url", "tcp://127.0.0.1:" + brokerPort);
        properties.put("nav.broker.user", StandaloneBroker.HUB_USER);
        properties.put("nav.broker.password", StandaloneBroker.HUB_PASSWORD);
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", PostgresInstance.USER);
        properties.put("spring.datasource.password", "");
        return properties;
    }

    private <T extends AutoCloseable> T remember(T part) {
        started.push(part);
        return part;
    }
}
