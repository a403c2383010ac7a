package se.hjalpmedelsnav.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import se.hjalpmedelsnav.hub.tracking.TestDatabases;
import se.hjalpmedelsnav.hub.tracking.TestDatabases.TestDatabase;
import se.hjalpmedelsnav.hub.tracking.TrackedMessage;
import se.hjalpmedelsnav.hub.tracking.TrackingStatus;
import se.hjalpmedelsnav.hub.tracking.TrackingStore;

/** The overview's counts on every database the hub runs on (H2 always, PostgreSQL in CI). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrafficStoreDatabaseTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    private static final String REFUSED = """
            {"type":"RECEIPT","status":"REJECTED","errors":[{"code":"CUSTOMER_NUMBER_UNKNOWN","field":"customerNumber"},
            {"code":"PAYER_NUMBER_INVALID","field":"payerNumber"}]}""";

    private final List<TestDatabase> databases = TestDatabases.all();

    List<TestDatabase> databases() {
        return databases;
    }

    @AfterAll
    void dropSchemas() {
        databases.forEach(db -> db.drop().run());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void countsEachMunicipalitysMessagesOfTheLastHourAndDay(TestDatabase db) {
        var jdbc = new JdbcTemplate(db.dataSource());
        var tracking = new TrackingStore(jdbc);
        String delivered = record(tracking, "1480", TrackingStatus.ACCEPTED, "{}", ago(Duration.ofMinutes(10)));
        tracking.updateStatus(delivered, TrackingStatus.SENT_TO_SUPPLIER, ago(Duration.ofMinutes(9)).atOffset(ZoneOffset.UTC));
        record(tracking, "1480", TrackingStatus.REJECTED, REFUSED, ago(Duration.ofHours(2)));
        record(tracking, "1480", TrackingStatus.ACCEPTED, "{}", ago(Duration.ofMinutes(30)));
        String twoDaysOld = record(tracking, "1480", TrackingStatus.DELIVERED, "{}", ago(Duration.ofDays(2)));
        tracking.recordSupplierEventIfAbsent("e-1", delivered, "CONFIRMED", ago(Duration.ofMinutes(5)).atOffset(ZoneOffset.UTC));
        tracking.recordSupplierEventIfAbsent("e-2", twoDaysOld, "DELIVERED", ago(Duration.ofHours(3)).atOffset(ZoneOffset.UTC));
        record(tracking, "1490", TrackingStatus.ACCEPTED, "{}", ago(Duration.ofDays(3)));

        var store = new TrafficStore(jdbc);
        Map<String, TrafficStore.Windows> traffic = store.since(ago(Duration.ofHours(1)), ago(Duration.ofDays(1)));

        assertThat(traffic).containsOnlyKeys("1480");
        TrafficStore.Windows goteborg = traffic.get("1480");
        assertThat(goteborg.day()).isEqualTo(new Traffic(3, 2, 1,
                Map.of("CUSTOMER_NUMBER_UNKNOWN", 1L, "PAYER_NUMBER_INVALID", 1L), 1, 2));
        assertThat(goteborg.recent()).isEqualTo(new Traffic(2, 2, 0, Map.of(), 1, 1));
        assertThat(goteborg.lastReceived()).isEqualTo(ago(Duration.ofMinutes(10)));
        assertThat(store.lastReceived("1490")).contains(ago(Duration.ofDays(3)));
        assertThat(store.lastReceived("1499")).isEmpty();
    }

    private static Instant ago(Duration duration) {
        return NOW.minus(duration);
    }

    private static String record(TrackingStore tracking, String kommun, TrackingStatus status, String receipt,
            Instant at) {
        String hubReference = UUID.randomUUID().toString();
        tracking.recordIfAbsent(new TrackedMessage(hubReference, kommun, "m-" + UUID.randomUUID(), "ORDER",
                "KN-" + kommun + "-001", status, receipt, at.atOffset(ZoneOffset.UTC)));
        return hubReference;
    }
}
