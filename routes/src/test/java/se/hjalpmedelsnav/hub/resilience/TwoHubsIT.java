package se.hjalpmedelsnav.hub.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.h2.tools.Server;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.hub.tracking.TestDatabases;

/**
 * The production topology on one machine: the standalone Artemis broker (tools/broker/artemis-broker.sh
 * with docker/broker/broker.xml, security on: the hubs log in as {@code hub}, every municipality as its own
 * {@code kommun-<code>}, the queue counts are asked as {@code admin}), one database, and two packaged hubs started at the same moment as
 * competing consumers of every queue. The database is the PostgreSQL server of
 * {@code -Dnav.test.postgres.url} (as in CI), else an H2 server this test starts. Both hubs run their
 * Flyway migrations against it at once, both register the same intake and supplier routes, and the
 * supplier still gets every order exactly once.
 */
@Tag(HubTest.STARTS_A_HUB)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(HubTest.HUB_PROCESSES)
class TwoHubsIT {

    private static final Pattern HANDED_ON = Pattern.compile("Handed on ORDER ");

    @Test
    void twoHubsOnOneBrokerAndOneDatabaseDeliverEveryOrderOnceBetweenThem() throws Exception {
        int orderCount = Integer.getInteger("nav.test.two-hubs.orders", 1000);
        Path data = County.dataDir("two-hubs");
        int brokerPort = HubTest.freePort();
        int simulatorPort = HubTest.freePort();
        int httpA = HubTest.freePort();
        int httpB = HubTest.freePort();
        long started = System.nanoTime();

        // The supplier starts while the broker is created; both hubs start at the same moment once it listens.
        try (Database database = Database.create(data);
                JavaProcess simulatorProcess = Hubs.simulator(data, simulatorPort,
                        "http://127.0.0.1:" + httpA + "/api/supplier/events").launch();
                StandaloneBroker broker = StandaloneBroker.start(data.resolve("broker"), brokerPort);
                JavaProcess hubA = Hubs.hub("hub A", data.resolve("a"), httpA, simulatorPort,
                        hubProperties(brokerPort, database)).launch();
                JavaProcess hubB = Hubs.hub("hub B", data.resolve("b"), httpB, simulatorPort,
                        hubProperties(brokerPort, database)).launch();
                // Each municipality logs in as its own broker user (kommun-<code>); the broker's security is on.
                County county = new County(brokerPort, null, null)) {
            for (JavaProcess process : List.of(simulatorProcess, hubA, hubB)) {
                process.awaitReady(ResilienceRun.START_TIMEOUT);
            }
            var supplier = new SupplierSimulator(simulatorPort);

            List<County.Order> orders = county.orders("two-hubs-" + UUID.randomUUID().toString().substring(0, 8),
                    orderCount);
            county.sendAll(orders, ResilienceRun.IN_FLIGHT);
            Map<String, Long> left = ResilienceRun.settle("two-hubs", county, supplier, brokerPort, orders.size());
            var report = DeliveryReport.of("two-hubs on " + database.name(), orders, supplier.orders(), left, 0,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
            long byA = HANDED_ON.matcher(hubA.logSince(0)).results().count();
            long byB = HANDED_ON.matcher(hubB.logSince(0)).results().count();
            System.out.println("RESILIENCE " + report.summary() + "; orders taken in by hub A=" + byA + ", hub B=" + byB);

            ResilienceRun.assertDeliveredExactlyOnce(report);
            assertThat(byA).as("orders hub A took in").isPositive();
            assertThat(byB).as("orders hub B took in").isPositive();
            assertThat(byA + byB).as("orders taken in by the two hubs together").isEqualTo(orderCount);
        }
    }

    static Map<String, String> hubProperties(int brokerPort, Database database) {
        var properties = new LinkedHashMap<String, String>();
        properties.put("nav.broker.embedded", "false");
        properties.put("nav.broker.url", "tcp://127.0.0.1:" + brokerPort);
        properties.put("nav.broker.user", StandaloneBroker.HUB_USER);
        properties.put("nav.broker.password", StandaloneBroker.HUB_PASSWORD);
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.user());
        properties.put("spring.datasource.password", database.password());
        if (database.schema() != null) {
            properties.put("spring.flyway.default-schema", database.schema());
            properties.put("spring.flyway.schemas", database.schema());
        }
        return properties;
    }

    /** The one database both hubs share: a fresh schema on the CI's PostgreSQL, or an H2 server of its own. */
    record Database(String name, String url, String user, String password, String schema, Runnable drop)
            implements AutoCloseable {

        static Database create(Path data) throws Exception {
            String postgres = System.getProperty(TestDatabases.POSTGRES_URL);
            if (postgres != null && !postgres.isBlank()) {
                String user = System.getProperty("nav.test.postgres.user", "postgres");
                String password = System.getProperty("nav.test.postgres.password", "");
                String schema = "nav_two_hubs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
                var admin = new JdbcTemplate(new DriverManagerDataSource(postgres, user, password));
                admin.execute("create schema " + schema);
                return new Database("PostgreSQL", postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema="
                        + schema, user, password, schema, () -> admin.execute("drop schema " + schema + " cascade"));
            }
            int port = HubTest.freePort();
            Server server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists", "-baseDir",
                    data.resolve("h2").toString()).start();
            return new Database("H2 server", "jdbc:h2:tcp://127.0.0.1:" + port
                    + "/hub;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", null,
                    server::stop);
        }

        @Override
        public void close() {
            drop.run();
        }
    }
}
