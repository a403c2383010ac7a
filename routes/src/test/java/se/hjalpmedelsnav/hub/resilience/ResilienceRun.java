package se.hjalpmedelsnav.hub.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.hjalpmedelsnav.hub.support.HubTest;

/**
 * One run of the county against the packaged hub while something breaks: the hub killed (SIGKILL) or
 * stopped (SIGTERM) at random moments and restarted on the same data, the supplier down for a while.
 * It counts what the municipalities and the supplier saw and prints the counts to the build log.
 *
 * <p>Tunable: {@code -Dnav.test.kill.orders} (5000), {@code -Dnav.test.kill.seed} (random);
 * {@code -Dnav.test.broker.user/password} for one broker login for all municipalities (default: each its
 * own {@code kommun-<code>} development login) and {@code -Dnav.test.broker.admin-user/password} for the
 * management queries (default: the development admin).
 */
final class ResilienceRun {

    private static final Logger log = LoggerFactory.getLogger(ResilienceRun.class);

    static final int IN_FLIGHT = 300;
    static final Duration START_TIMEOUT = Duration.ofMinutes(8); // a shared, loaded machine took over 4
    static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(6);
    static final String BROKER_USER = System.getProperty("nav.test.broker.user");
    static final String BROKER_PASSWORD = System.getProperty("nav.test.broker.password");
    static final String ADMIN_USER = System.getProperty("nav.test.broker.admin-user",
            se.hjalpmedelsnav.hub.support.HubTest.BROKER_ADMIN_USER);
    static final String ADMIN_PASSWORD = System.getProperty("nav.test.broker.admin-password",
            se.hjalpmedelsnav.hub.support.HubTest.BROKER_ADMIN_PASSWORD);

    /** How the hub is taken down. */
    enum Disruption { KILL, TERM }

    /**
     * The supplier down ({@code DOWN}: it refuses every call) for {@code length}, from the first moment the hub has
     * answered again after the first {@code afterDisruptions} disruptions; the disruptions after those wait for it.
     */
    record Outage(int afterDisruptions, Duration length) {
    }

    /**
     * The counts, for each SIGTERM the hub's log of its shutdown and its exit code, and how often the hub's broker
     * refused a municipality's login (the county logs in with its right passwords, also while the hub restarts).
     */
    record Result(DeliveryReport report, List<String> shutdownLogs, List<Integer> exitCodes, long refusedLogins,
            ResentOrder resent) {
    }

    /** The run's first order, answered before the first disruption, sent once more after the run: what came back. */
    record ResentOrder(String hubReference, com.fasterxml.jackson.databind.JsonNode receipt) {
    }

    /** Artemis's "Unable to validate user": a login refused as unknown or with a wrong password. */
    private static final java.util.regex.Pattern REFUSED_LOGIN = java.util.regex.Pattern.compile("AMQ229031");

    private ResilienceRun() {
    }

    static void assertDeliveredExactlyOnce(DeliveryReport report) {
        assertDeliveredOnceWithOneOriginalReceiptEach(report);
        assertThat(report.moreReceiptsThanSends()).as("orders with more receipts than the client sent copies")
                .isZero();
        assertThat(report.duplicateReceiptsNotResent()).as("orders never sent twice but answered as a duplicate")
                .isZero();
    }

    /**
     * The kill counts without those on duplicate receipts: for a client library that resends by itself (Qpid JMS's
     * fail-over), whose resends the test cannot count.
     */
    static void assertDeliveredOnceWithOneOriginalReceiptEach(DeliveryReport report) {
        assertThat(report.answered()).as("orders with a receipt").isEqualTo(report.sent());
        assertThat(report.accepted()).as("orders accepted").isEqualTo(report.sent());
        assertThat(report.lost()).as("orders that never reached the supplier").isZero();
        assertThat(report.duplicatesAtSupplier()).as("orders the supplier holds twice").isZero();
        assertThat(report.unknownAtSupplier()).as("supplier orders no municipality sent").isZero();
        assertThat(report.deliveredOnce()).as("orders the supplier holds exactly once").isEqualTo(report.sent());
        assertThat(report.leftOnQueues()).as("messages left on the hub's queues (internal, dead-letter, intake)")
                .isEmpty();
        assertThat(report.withSeveralOriginalReceipts()).as("orders with more than one original receipt").isZero();
        // A hub that dies after recording a receipt and before the broker's commit gets the message again: it
        // answers with the original receipt, unflagged (the municipality sent it once), never "duplicate" alone.
        assertThat(report.withOnlyDuplicateReceipts()).as("orders answered only with a receipt flagged duplicate")
                .isZero();
        assertThat(report.withOneOriginalReceipt()).as("orders answered with exactly one original receipt")
                .isEqualTo(report.sent());
    }

    /**
     * One run: a hub and a supplier of its own, {@code orderCount} orders from every municipality,
     * the disruptions at random moments (each followed by a restart on the same data), and
     * optionally the supplier down for a while.
     */
    static Result run(String name, int orderCount, List<Disruption> disruptions, Outage outage,
            Map<String, String> hubProperties) throws Exception {
        return run(name, orderCount, 0, disruptions, outage, hubProperties);
    }

    /** The same run with {@code withdrawalCount} BUFFER_WITHDRAWALs among the orders ({@link County#ordersAndWithdrawals}). */
    static Result run(String name, int orderCount, int withdrawalCount, List<Disruption> disruptions, Outage outage,
            Map<String, String> hubProperties) throws Exception {
        int kills = disruptions.size();
        var shutdownLogs = new ArrayList<String>();
        var exitCodes = new ArrayList<Integer>();
        long seed = Long.getLong("nav.test.kill.seed", System.nanoTime());
        Random random = new Random(seed);
        String run = name + "-" + Long.toHexString(seed);
        Path data = County.dataDir(name);
        int httpPort = HubTest.freePort();
        int brokerPort = HubTest.freePort();
        int simulatorPort = HubTest.freePort();
        var properties = new LinkedHashMap<String, String>(hubProperties);
        properties.put("nav.broker.port", Integer.toString(brokerPort));
        log.info("[{}] seed {}, data in {}, hub http {} broker {}, simulator {}", run, seed, data, httpPort, brokerPort,
                simulatorPort);

        // One moment in each of `kills` equal stretches of the run (10 % to 80 % of the receipts).
        var killAt = new ArrayList<Integer>();
        for (int i = 0; i < kills; i++) {
            int from = orderCount / 10 + orderCount * 7 / 10 * i / kills;
            killAt.add(from + random.nextInt(Math.max(1, orderCount * 7 / 10 / kills)));
        }
        long started = System.nanoTime();
        // The supplier and the hub start side by side: each waits on its own start-up more than on the CPU.
        try (JavaProcess simulatorProcess = Hubs.simulator(data, simulatorPort,
                        "http://127.0.0.1:" + httpPort + "/api/supplier/events").launch();
                JavaProcess hub = Hubs.hub("hub", data, httpPort, simulatorPort, properties).launch();
                County county = countyOnceReady(brokerPort, simulatorProcess, hub)) {
            var supplier = new SupplierSimulator(simulatorPort);
            List<County.Order> orders = county.ordersAndWithdrawals(run, orderCount, withdrawalCount);
            Thread sender = new Thread(() -> county.sendAll(orders, IN_FLIGHT), "county-sender");
            sender.start();

            int killed = 0;
            int answeredAtRestart = 0;
            long restartedAt = System.nanoTime();
            long outageFrom = -1;
            // The supplier comes back on its own clock, whatever the hub is doing (restarting, say).
            var outageOver = new java.util.concurrent.CompletableFuture<Void>();
            if (outage == null) {
                outageOver.complete(null);
            }
            while (sender.isAlive() || killed < kills || !outageOver.isDone()) {
                if (outage != null && outageFrom < 0 && killed >= outage.afterDisruptions()
                        && (county.answered() > answeredAtRestart + orderCount / 50 || !sender.isAlive())) {
                    supplier.switchTo("DOWN");
                    outageFrom = System.nanoTime();
                    log.info("[{}] supplier DOWN after {} receipts", run, county.answered());
                    java.util.concurrent.CompletableFuture.runAsync(() -> {
                        try {
                            supplier.switchTo("NORMAL");
                            log.info("[{}] supplier back to NORMAL", run);
                            outageOver.complete(null);
                        } catch (Exception e) {
                            outageOver.completeExceptionally(e);
                        }
                    }, java.util.concurrent.CompletableFuture.delayedExecutor(outage.length().toMillis(),
                            java.util.concurrent.TimeUnit.MILLISECONDS));
                }
                // Never right after a restart: the hub must have answered something since (or the county be done).
                boolean due = killed < kills && county.answered() >= killAt.get(killed)
                        && (county.answered() > answeredAtRestart + orderCount / 50 || !sender.isAlive());
                due |= killed < kills && !sender.isAlive() && System.nanoTime() - restartedAt > 5_000_000_000L;
                if (due && (outage == null || killed < outage.afterDisruptions() || outageFrom > 0)) {
                    JavaProcess.pause(random.nextInt(1000));
                    Disruption disruption = disruptions.get(killed);
                    if (disruption == Disruption.KILL) {
                        hub.kill();
                    } else {
                        long offset = hub.logSize();
                        exitCodes.add(hub.stop(Duration.ofMinutes(2)));
                        shutdownLogs.add(hub.logSince(offset));
                    }
                    killed++;
                    log.info("[{}] hub taken down ({}) after {} receipts ({} of {}); restarting", run, disruption,
                            county.answered(), killed, kills);
                    hub.start(START_TIMEOUT);
                    answeredAtRestart = county.answered();
                    restartedAt = System.nanoTime();
                    log.info("[{}] hub up again", run);
                }
                JavaProcess.pause(100);
            }
            sender.join();
            outageOver.join();

            Map<String, Long> left = settle(run, county, supplier, brokerPort, orders.size(),
                    orders.stream().mapToInt(County.Order::expectedAtSupplier).sum());
            var report = DeliveryReport.of(run, orders, supplier.orders(), left, killed,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
            long refusedLogins = REFUSED_LOGIN.matcher(hub.logSince(0)).results().count();
            System.out.println("RESILIENCE " + report.summary() + "; municipality logins refused by the hub's broker: "
                    + refusedLogins);
            // After the counts: a resend of an order from before every restart is still known by its messageId.
            County.Order first = orders.get(0);
            var resent = new ResentOrder(first.hubReference(),
                    county.resendAndAwaitDuplicateReceipt(first, Duration.ofMinutes(1)));
            return new Result(report, shutdownLogs, exitCodes, refusedLogins, resent);
        }
    }

    /** The county, connected to the hub's broker once every process is ready. */
    private static County countyOnceReady(int brokerPort, JavaProcess... processes) {
        for (JavaProcess process : processes) {
            process.awaitReady(START_TIMEOUT);
        }
        return new County(brokerPort, BROKER_USER, BROKER_PASSWORD);
    }

    /**
     * Waits until every order is answered, the supplier holds as many orders as were sent and the
     * hub's queues are empty, or until the time-out; returns what is left on the hub's queues.
     */
    static Map<String, Long> settle(String run, County county, SupplierSimulator supplier, int brokerPort,
            int sent) throws Exception {
        return settle(run, county, supplier, brokerPort, sent, sent);
    }

    /** As above, when the supplier should hold {@code expectedAtSupplier} orders for {@code sent} messages. */
    static Map<String, Long> settle(String run, County county, SupplierSimulator supplier, int brokerPort,
            int sent, int expectedAtSupplier) throws Exception {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        Map<String, Long> left = new TreeMap<>();
        int emptyReads = 0;
        while (System.nanoTime() < deadline) {
            county.ensureConnected();
            left = BrokerQueues.leftOnHubQueues(BrokerQueues.messageCounts(brokerPort, ADMIN_USER, ADMIN_PASSWORD));
            int atSupplier = supplier.orders().size();
            if (left.keySet().stream().anyMatch(q -> q.startsWith("nav.dlq.") || q.equals("nav.expired"))) {
                return left; // parked or expired: nothing will take it from there
            }
            if (county.answered() >= sent && atSupplier >= expectedAtSupplier && left.isEmpty()) {
                // The supplier pushes each order's events a while after it took the order: the queues can be
                // empty between two of them. Done when they are empty on two reads 5 s apart.
                if (++emptyReads >= 2) {
                    return left;
                }
                JavaProcess.pause(5000);
                continue;
            }
            emptyReads = 0;
            System.out.printf("[%s] settling: %d answered, %d at the supplier, left on queues %s%n", run,
                    county.answered(), atSupplier, left);
            JavaProcess.pause(3000);
        }
        return left;
    }
}
