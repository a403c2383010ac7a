package se.hjalpmedelsnav.hub.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import se.hjalpmedelsnav.hub.tracking.TestDatabases.TestDatabase;

/** The tracking store on every database the hub runs on (H2 always, PostgreSQL in CI). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrackingStoreTest {

    private final List<TestDatabase> databases = TestDatabases.all();

    List<TestDatabase> databases() {
        return databases;
    }

    @AfterAll
    void dropSchemas() {
        databases.forEach(db -> db.drop().run());
    }

    private static TrackedMessage message(String kommun, String messageId) {
        return new TrackedMessage(UUID.randomUUID().toString(), kommun, messageId, "ORDER", "KN-1480-001",
                TrackingStatus.ACCEPTED, "{\"status\":\"ACCEPTED\"}",
                OffsetDateTime.of(2026, 11, 23, 10, 15, 0, 0, ZoneOffset.ofHours(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void recordsAMessageOnceAndRefusesTheSameMessageIdFromTheSameMunicipality(TestDatabase db) {
        var store = new TrackingStore(new JdbcTemplate(db.dataSource()));
        String messageId = "order-" + UUID.randomUUID();

        assertThat(store.recordIfAbsent(message("1480", messageId))).isTrue();
        assertThat(store.recordIfAbsent(message("1480", messageId))).isFalse();

        assertThat(store.find("1480", messageId)).get()
                .extracting(TrackedMessage::receiptJson).isEqualTo("{\"status\":\"ACCEPTED\"}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theSameMessageIdFromAnotherMunicipalityIsAnotherMessage(TestDatabase db) {
        var store = new TrackingStore(new JdbcTemplate(db.dataSource()));
        String messageId = "order-" + UUID.randomUUID();

        assertThat(store.recordIfAbsent(message("1480", messageId))).isTrue();
        assertThat(store.recordIfAbsent(message("1490", messageId))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findsByHubReferenceAndFollowsTheStatus(TestDatabase db) {
        var store = new TrackingStore(new JdbcTemplate(db.dataSource()));
        var tracked = message("1481", "order-" + UUID.randomUUID());
        store.recordIfAbsent(tracked);

        assertThat(store.updateStatus(tracked.hubReference(), TrackingStatus.DELIVERED, OffsetDateTime.now())).isTrue();

        assertThat(store.byHubReference(tracked.hubReference())).get()
                .satisfies(found -> {
                    assertThat(found.kommunCode()).isEqualTo("1481");
                    assertThat(found.messageId()).isEqualTo(tracked.messageId());
                    assertThat(found.status()).isEqualTo(TrackingStatus.DELIVERED);
                    assertThat(found.receivedAt().toInstant()).isEqualTo(tracked.receivedAt().toInstant());
                });
        assertThat(store.updateStatus(UUID.randomUUID().toString(), TrackingStatus.DELIVERED, OffsetDateTime.now()))
                .isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void searchesByMunicipalityCustomerNumberAndStatus(TestDatabase db) {
        var store = new TrackingStore(new JdbcTemplate(db.dataSource()));
        var accepted = message("1482", "order-" + UUID.randomUUID());
        var delivered = message("1482", "order-" + UUID.randomUUID());
        store.recordIfAbsent(accepted);
        store.recordIfAbsent(delivered);
        store.updateStatus(delivered.hubReference(), TrackingStatus.DELIVERED, OffsetDateTime.now());

        var found = store.search(new TrackingQuery("1482", null, null, "KN-1480-001", TrackingStatus.DELIVERED, 10));

        assertThat(found).extracting(TrackedMessage::hubReference).containsExactly(delivered.hubReference());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void passesOnASupplierEventOnlyOnce(TestDatabase db) {
        var store = new TrackingStore(new JdbcTemplate(db.dataSource()));
        String eventId = "evt-" + UUID.randomUUID();
        String hubReference = UUID.randomUUID().toString();

        assertThat(store.recordSupplierEventIfAbsent(eventId, hubReference, "DELIVERED", OffsetDateTime.now())).isTrue();
        assertThat(store.recordSupplierEventIfAbsent(eventId, hubReference, "DELIVERED", OffsetDateTime.now())).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aNewSupplierEventMovesItsMessageAndOneSeenBeforeChangesNothing(TestDatabase db) {
        var store = new TrackingStore(new JdbcTemplate(db.dataSource()));
        var tracked = message("1483", "order-" + UUID.randomUUID());
        store.recordIfAbsent(tracked);
        String eventId = "evt-" + UUID.randomUUID();

        assertThat(store.recordSupplierEvent(eventId, tracked.hubReference(), TrackingStatus.CONFIRMED,
                OffsetDateTime.now(), "ID:first")).isTrue();
        assertThat(store.byHubReference(tracked.hubReference())).get()
                .extracting(TrackedMessage::status).isEqualTo(TrackingStatus.CONFIRMED);

        assertThat(store.recordSupplierEvent(eventId, tracked.hubReference(), TrackingStatus.DELIVERED,
                OffsetDateTime.now(), "ID:second")).isFalse();
        assertThat(store.byHubReference(tracked.hubReference())).get()
                .extracting(TrackedMessage::status).isEqualTo(TrackingStatus.CONFIRMED);
        assertThat(store.supplierEventTransportId(eventId)).contains("ID:first");
    }
}
