package se.hjalpmedelsnav.hub.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.hub.support.TestOrders;

/**
 * The production broker pair under its one fault, twice: each broker of the pair SIGKILLed once while the county
 * sends, and each started again to rejoin as the replica. The pair is created and run by tools/broker/artemis-broker.sh
 * ({@code --role primary|backup}, docker/broker/broker-*.xml, replication over the pair's own acceptor, security on),
 * two packaged hubs are competing consumers on one database (the CI's PostgreSQL, else an H2 server, as in
 * {@link TwoHubsIT}) with the URL naming both brokers ({@code ha=true}), and every municipality's client is given both
 * brokers (Qpid JMS {@code failover:(amqp://primary,amqp://backup)}), as the README tells municipalities.
 *
 * <p>The run: at a quarter of the receipts the primary is killed; the backup takes over, the hubs and the clients
 * follow. At half, the old primary is started again on its journal: it finds the backup active
 * ({@code check-for-active-server}) and becomes its replica, copying its state under load; there is no automatic
 * fail-back ({@code allow-failback} false), so the backup stays active. Then the backup is killed: the primary, now the
 * replica, takes over with everything the backup had taken in, and the last fifth of the orders goes through it while
 * the backup, started again, rejoins as the replica. The kill test's counts must hold: every order at the supplier
 * exactly once, exactly one original receipt per order, nothing left on the hub's queues, no dead letters (asked of the
 * active broker). Afterwards the Node.js client ({@code tools/kommun-client/send.js --broker backup,primary}) orders
 * once through the pair: the backup, the replica again, refuses it and it goes on to the primary.
 *
 * <p>Tunable: {@code -Dnav.test.failover.orders} (default below). The counts, how long the hubs and clients had no
 * broker and how long each rejoin took go to the build log in a line starting with {@code RESILIENCE}.
 */
@Tag(HubTest.STARTS_A_HUB)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(HubTest.HUB_PROCESSES)
class BrokerFailoverIT {

    private static final Logger log = LoggerFactory.getLogger(BrokerFailoverIT.class);
    private static final String HANDED_ON = "Handed on ORDER ";
    private static final Duration FAILOVER_TIMEOUT = Duration.ofMinutes(3);
    /** How long the rejoined replica is in sync before the active broker is killed. */
    private static final Duration REPLICA_IN_SYNC_BEFORE_KILL = Duration.ofSeconds(3);
    /** The default size: the whole class about two minutes on a quiet 2-core machine (README "Broker fail-over"). */
    static final int ORDERS = 600;

    @Test
    void eachBrokerKilledOnceAndRejoinedAsTheReplicaNoOrderIsLostOrDoubled() throws Exception {
        int orderCount = Integer.getInteger("nav.test.failover.orders", ORDERS);
        Path data = County.dataDir("broker-failover");
        int primaryPort = HubTest.freePort();
        int backupPort = HubTest.freePort();
        int simulatorPort = HubTest.freePort();
        int httpA = HubTest.freePort();
        int httpB = HubTest.freePort();
        long started = System.nanoTime();
        String run = "failover-" + UUID.randomUUID().toString().substring(0, 8);

        try (TwoHubsIT.Database database = TwoHubsIT.Database.create(data);
                JavaProcess simulatorProcess = Hubs.simulator(data, simulatorPort,
                        "http://127.0.0.1:" + httpA + "/api/supplier/events").launch();
                BrokerPair pair = BrokerPair.start(data.resolve("brokers"), primaryPort, backupPort,
                        ResilienceRun.START_TIMEOUT);
                JavaProcess hubA = Hubs.hub("hub A", data.resolve("a"), httpA, simulatorPort,
                        hubProperties(pair, database)).launch();
                JavaProcess hubB = Hubs.hub("hub B", data.resolve("b"), httpB, simulatorPort,
                        hubProperties(pair, database)).launch()) {
            for (JavaProcess process : List.of(simulatorProcess, hubA, hubB)) {
                process.awaitReady(ResilienceRun.START_TIMEOUT);
            }
            var supplier = new SupplierSimulator(simulatorPort);
            DeliveryReport report;
            String timings;
            try (County county = new County(pair.clientUrl(), List.of(primaryPort, backupPort), null, null);
                    ReceiptClock clock = new ReceiptClock(county)) {
                List<County.Order> orders = county.orders(run, orderCount);
                // The last fifth waits for the second fail-over, so that orders flow through the primary after it.
                int beforeSecondKill = orderCount * 4 / 5;
                Thread sender = new Thread(() -> county.sendAll(orders.subList(0, beforeSecondKill),
                        ResilienceRun.IN_FLIGHT), "county-sender");
                sender.start();

                // The first fail-over: the primary killed once a quarter is answered; the backup takes over.
                awaitAnswered(county, orderCount / 4, sender);
                Failover first = failover(pair, pair.primary(), pair.backup(), county, clock, hubA, hubB, () -> { });

                // The primary back on its journal under load: it finds the backup active and becomes its replica.
                awaitAnswered(county, Math.max(orderCount / 2, county.answered() + orderCount / 50), sender);
                Rejoin primaryRejoined = rejoin(pair, pair.primary(), pair.backup(), county);

                // The second fail-over: the backup killed; the primary, its replica, takes over with what it copied.
                // Not within moments of the synchronisation: a kill 0.1 s after it left the new active broker
                // answering nothing (an open finding, README "Broker fail-over"); this test is about a replica in sync.
                JavaProcess.pause(REPLICA_IN_SYNC_BEFORE_KILL.toMillis());
                awaitAnswered(county, Math.max(orderCount * 2 / 3, county.answered() + orderCount / 50), sender);
                // The last fifth is sent once the first sender is through (its sends to the killed broker go on to
                // the primary), so that orders flow while the hubs and clients follow. One sender at a time: a JMS
                // session is not shared between threads.
                Thread lastFifth = new Thread(() -> county.sendAll(orders.subList(beforeSecondKill, orderCount),
                        ResilienceRun.IN_FLIGHT), "county-sender-last-fifth");
                Failover second = failover(pair, pair.backup(), pair.primary(), county, clock, hubA, hubB, () -> {
                    joinUninterruptibly(sender);
                    lastFifth.start();
                });
                // The backup back while the last orders flow: the replica again.
                Rejoin backupRejoined = rejoin(pair, pair.backup(), pair.primary(), county);
                lastFifth.join();

                int activePort = awaitActive(pair);
                Map<String, Long> left = ResilienceRun.settle(run, county, supplier, activePort, orders.size());
                report = DeliveryReport.of(run + " (broker pair on " + database.name() + ")", orders, supplier.orders(),
                        left, 0, Duration.ofNanos(System.nanoTime() - started).toSeconds());
                timings = ("%s; %s; %s; %s; active at the end: %s; hubs' JMS connection resets A=%d B=%d;"
                        + " client reconnects=%d").formatted(first.describe("primary", "backup"),
                        primaryRejoined.describe("primary"), second.describe("backup", "primary"),
                        backupRejoined.describe("backup"), activePort == primaryPort ? "primary" : "backup",
                        reconnections(hubA), reconnections(hubB), county.reconnects());
                System.out.println("RESILIENCE " + report.summary() + "; " + timings);
                assertThat(activePort).as("the primary took over from the backup").isEqualTo(primaryPort);
            }
            // The kill test's counts, less those on duplicate receipts: Qpid JMS's fail-over sends again, by itself and
            // under the same messageId, what the broker had not confirmed when the connection broke, so an order the
            // test sent once may, rightly, get a second receipt flagged duplicate.
            ResilienceRun.assertDeliveredOnceWithOneOriginalReceiptEach(report);

            // A municipality's client that is not Java, given both brokers with the replica (which refuses) first.
            String node = nodeClientOrders(backupPort, primaryPort, data);
            assertThat(node).as("the Node.js client's output").contains("connected to 127.0.0.1:" + primaryPort)
                    .contains("\"status\":\"ACCEPTED\"").contains("\"status\":\"DELIVERED\"");
        }
    }

    /** One fail-over as the clients and hubs saw it: when each came back after the kill. */
    private record Failover(int answeredAtKill, double takeoverSeconds, double clientsWithoutReceipt,
            double firstReceiptAfter, double hubAResumed, double hubBResumed) {

        String describe(String killed, String survivor) {
            return ("%s SIGKILLed after %d receipts, %s active %.1f s later; clients without a receipt %.1f s around"
                    + " the kill (kill to first receipt after it %.1f s); first order taken in after the kill by hub A"
                    + " %s, hub B %s").formatted(killed, answeredAtKill, survivor, takeoverSeconds, clientsWithoutReceipt,
                    firstReceiptAfter, resumed(hubAResumed), resumed(hubBResumed));
        }

        private static String resumed(double seconds) {
            return Double.isNaN(seconds) ? "none (the other hub took the rest)" : "%.1f s".formatted(seconds);
        }
    }

    /** One broker started again: it became the replica of the active one (and did not take over). */
    private record Rejoin(int answeredAtRestart, double synchronisedSeconds) {

        String describe(String broker) {
            return "%s started again after %d receipts, the replica (synchronised, AMQ221024) %.1f s later"
                    .formatted(broker, answeredAtRestart, synchronisedSeconds);
        }
    }

    /**
     * SIGKILL to the active broker, then {@code afterKill}; waits until the other one is active, both hubs have handed
     * an order on again and the county has a receipt again.
     */
    private static Failover failover(BrokerPair pair, BrokerPair.Broker killed, BrokerPair.Broker survivor,
            County county, ReceiptClock clock, JavaProcess hubA, JavaProcess hubB, Runnable afterKill)
            throws InterruptedException {
        long hubALog = hubA.logSize();
        long hubBLog = hubB.logSize();
        long survivorLog = survivor.logSize();
        int answeredAtKill = county.answered();
        long killedAt = System.nanoTime();
        pair.kill(killed);
        afterKill.run();
        log.info("{} broker killed after {} receipts", killed.role(), answeredAtKill);
        long activeAt = pair.awaitLog(survivor, survivorLog, BrokerPair.NOW_ACTIVE, FAILOVER_TIMEOUT);
        long[] resumed = awaitHubsResumed(List.of(hubA, hubB), List.of(hubALog, hubBLog));
        awaitAnswered(county, answeredAtKill + 1, null);
        long clientsResumedAt = clock.firstRiseAfter(activeAt);
        log.info("{} active after {} s, clients answered again after {} s", survivor.role(),
                seconds(activeAt - killedAt), seconds(clientsResumedAt - killedAt));
        return new Failover(answeredAtKill, seconds(activeAt - killedAt),
                seconds(clock.longestGap(killedAt - 5_000_000_000L, clientsResumedAt)),
                seconds(clientsResumedAt - killedAt), secondsSince(killedAt, resumed[0]),
                secondsSince(killedAt, resumed[1]));
    }

    /**
     * When each hub handed an order on after the kill (polled every 50 ms): at least one must within
     * {@link #FAILOVER_TIMEOUT}; the other is given 20 s more, since near the end of a run one hub may take every order
     * that is left (0 when it took none).
     */
    private static long[] awaitHubsResumed(List<JavaProcess> hubs, List<Long> offsets) {
        long[] resumed = new long[hubs.size()];
        long deadline = System.nanoTime() + FAILOVER_TIMEOUT.toNanos();
        long firstAt = 0;
        while (true) {
            for (int i = 0; i < hubs.size(); i++) {
                if (resumed[i] == 0 && hubs.get(i).logSince(offsets.get(i)).contains(HANDED_ON)) {
                    resumed[i] = System.nanoTime();
                    firstAt = firstAt == 0 ? resumed[i] : firstAt;
                }
            }
            long now = System.nanoTime();
            if (Arrays.stream(resumed).allMatch(t -> t != 0) || (firstAt != 0 && now - firstAt > 20_000_000_000L)) {
                return resumed;
            }
            if (now > deadline) {
                throw new IllegalStateException("no hub took an order in within " + FAILOVER_TIMEOUT + " of the kill:\n"
                        + JavaProcess.tail(hubs.get(0).logSince(offsets.get(0)), 4000));
            }
            JavaProcess.pause(50);
        }
    }

    /** Seconds from {@code from} to {@code to}, or NaN when {@code to} never came (0). */
    private static double secondsSince(long from, long to) {
        return to == 0 ? Double.NaN : seconds(to - from);
    }

    /**
     * Starts a killed broker again on its journal and waits until it is the synchronised replica of the active one;
     * it must not have become active itself (no automatic fail-back), and the active one must still serve.
     */
    private static Rejoin rejoin(BrokerPair pair, BrokerPair.Broker restarted, BrokerPair.Broker active,
            County county) throws Exception {
        long restartedLog = restarted.logSize();
        long activeLog = active.logSize();
        int answeredAtRestart = county.answered();
        long restartedAt = System.nanoTime();
        pair.restart(restarted);
        long synchronisedAt = pair.awaitLog(restarted, restartedLog, BrokerPair.BACKUP_SYNCHRONIZED, FAILOVER_TIMEOUT);
        assertThat(restarted.logSince(restartedLog)).as("the %s, started again, stays the replica", restarted.role())
                .doesNotContain(BrokerPair.NOW_ACTIVE);
        assertThat(active.logSince(activeLog)).as("the active %s while its replica synchronised", active.role())
                .doesNotContain(BrokerPair.REPLICATION_SYNC_TIMED_OUT).doesNotContain(BrokerPair.STOPPED);
        assertThat(active.listens()).as("the active %s still takes connections", active.role()).isTrue();
        return new Rejoin(answeredAtRestart, seconds(synchronisedAt - restartedAt));
    }

    private static Map<String, String> hubProperties(BrokerPair pair, TwoHubsIT.Database database) {
        var properties = new LinkedHashMap<>(TwoHubsIT.hubProperties(0, database));
        properties.put("nav.broker.url", pair.hubUrl());
        return properties;
    }

    /** Sends one order with tools/kommun-client/send.js given both brokers; returns its output. */
    private static String nodeClientOrders(int firstPort, int secondPort, Path data) throws Exception {
        var order = TestOrders.validOrder("replaced-by-the-client");
        order.put("kommunCode", "1480");
        order.put("customerNumber", "KN-1480-001");
        order.put("payerNumber", "BN-1480-01");
        Path file = Files.writeString(data.resolve("node-order.json"), order.toString());
        Process node = new ProcessBuilder("node", "send.js", "--kommun", "1480", "--broker",
                "127.0.0.1:" + firstPort + ",127.0.0.1:" + secondPort, "--wait", "120", file.toString())
                .directory(JavaProcess.PROJECT.resolve("tools/kommun-client").toFile()).redirectErrorStream(true)
                .start();
        try {
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(node.exitValue()).as(output).isZero();
            System.out.println("[node client via both brokers]\n" + output.replaceAll("\\d{8}-\\d{4}", "<pnr>"));
            return output;
        } finally {
            node.destroyForcibly();
        }
    }

    /** Waits until the county has {@code count} receipts (or the sender, if given, ended: nothing more comes). */
    private static void awaitAnswered(County county, int count, Thread sender) {
        long deadline = System.nanoTime() + ResilienceRun.SETTLE_TIMEOUT.toNanos();
        while (county.answered() < count) {
            if (sender != null && !sender.isAlive()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + county.answered() + " receipts of " + count);
            }
            JavaProcess.pause(20);
        }
    }

    /** The port of the active broker, once one of the two takes connections. */
    private static int awaitActive(BrokerPair pair) {
        long deadline = System.nanoTime() + FAILOVER_TIMEOUT.toNanos();
        int port;
        while ((port = pair.activePort()) < 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("neither broker of the pair takes connections");
            }
            JavaProcess.pause(250);
        }
        return port;
    }

    /** How often the hub's shared JMS connection was reset after a failure (Spring's CachingConnectionFactory). */
    private static long reconnections(JavaProcess hub) {
        return hub.logSince(0).lines().filter(l -> l.contains("resetting the underlying JMS Connection")).count();
    }

    private static void joinUninterruptibly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + thread.getName() + " sent", e);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** The moments the county's receipt count rose (sampled every 20 ms): how long the municipalities heard nothing. */
    private static final class ReceiptClock implements AutoCloseable {

        private final List<long[]> rises = new CopyOnWriteArrayList<>();
        private final Thread sampler;
        private volatile boolean running = true;

        ReceiptClock(County county) {
            sampler = new Thread(() -> {
                int last = county.answered();
                while (running) {
                    int now = county.answered();
                    if (now > last) {
                        rises.add(new long[] {System.nanoTime(), now});
                        last = now;
                    }
                    JavaProcess.pause(20);
                }
            }, "receipt-clock");
            sampler.setDaemon(true);
            sampler.start();
        }

        /** The first moment after {@code from} at which a receipt came in. */
        long firstRiseAfter(long from) {
            long deadline = System.nanoTime() + FAILOVER_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (long[] rise : rises) {
                    if (rise[0] >= from) {
                        return rise[0];
                    }
                }
                JavaProcess.pause(20);
            }
            throw new IllegalStateException("no receipt within " + FAILOVER_TIMEOUT + " of the backup's take-over");
        }

        /** The longest stretch without a new receipt between {@code from} and {@code to}. */
        long longestGap(long from, long to) {
            var moments = new ArrayList<Long>();
            moments.add(from);
            rises.stream().map(r -> r[0]).filter(t -> t > from && t < to).forEach(moments::add);
            moments.add(to);
            long longest = 0;
            for (int i = 1; i < moments.size(); i++) {
                longest = Math.max(longest, moments.get(i) - moments.get(i - 1));
            }
            return longest;
        }

        @Override
        public void close() {
            running = false;
        }
    }
}
