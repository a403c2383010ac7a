package se.hjalpmedelsnav.hub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import se.hjalpmedelsnav.hub.console.MessageJourney.Step;
import se.hjalpmedelsnav.hub.tracking.TestDatabases;
import se.hjalpmedelsnav.hub.tracking.TestDatabases.TestDatabase;
import se.hjalpmedelsnav.hub.tracking.TrackedMessage;
import se.hjalpmedelsnav.hub.tracking.TrackingStatus;
import se.hjalpmedelsnav.hub.tracking.TrackingStore;

/** One message's journey, and the hand-off it needs recorded, on every database the hub runs on (H2, PostgreSQL in CI). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageJourneyDatabaseTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 7, 8, 0, 0, 0, ZoneOffset.UTC);
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
    void showsADeliveredOrderReceivedAcceptedHandedOverTheApiConfirmedAndDeliveredInOrder(TestDatabase db) {
        var jdbc = new JdbcTemplate(db.dataSource());
        var tracking = new TrackingStore(jdbc);
        String order = record(tracking, "ORDER", TrackingStatus.ACCEPTED, "{\"status\":\"ACCEPTED\",\"errors\":[]}");
        tracking.recordSupplierEvent("ev-" + UUID.randomUUID(), order, TrackingStatus.DELIVERED, T0.plusMinutes(9), null);
        assertThat(tracking.handedToSupplier(order, "API", T0.plusSeconds(2))).isTrue();
        tracking.recordSupplierEvent("ev-" + UUID.randomUUID(), order, TrackingStatus.CONFIRMED, T0.plusMinutes(3), null);

        var journey = new MessageJourney(jdbc).of(order).orElseThrow();

        assertThat(journey.steps()).extracting(Step::step, Step::at, Step::detail).containsExactly(
                tuple("RECEIVED", T0, "ORDER"),
                tuple("RECEIPT", T0, "ACCEPTED"),
                tuple("HANDED_TO_SUPPLIER", T0.plusSeconds(2), "API"),
                tuple("SUPPLIER_EVENT", T0.plusMinutes(3), "CONFIRMED"),
                tuple("SUPPLIER_EVENT", T0.plusMinutes(9), "DELIVERED"));
        assertThat(journey.status()).isEqualTo("CONFIRMED");
        assertThat(journey.kommunCode()).isEqualTo("1480");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void recordsTheHandOffOnceWithItsChannelAndMovesOnlyAnAcceptedMessageToSentToSupplier(TestDatabase db) {
        var jdbc = new JdbcTemplate(db.dataSource());
        var tracking = new TrackingStore(jdbc);
        String waiting = record(tracking, "RETURN", TrackingStatus.ACCEPTED, "{}");
        String overtaken = record(tracking, "ORDER", TrackingStatus.ACCEPTED, "{}");
        tracking.recordSupplierEvent("ev-" + UUID.randomUUID(), overtaken, TrackingStatus.CONFIRMED, T0.plusSeconds(1),
                null);

        tracking.handedToSupplier(waiting, "FILE_DROP", T0.plusSeconds(5));
        tracking.handedToSupplier(waiting, "API", T0.plusSeconds(50));
        tracking.handedToSupplier(overtaken, "API", T0.plusSeconds(3));

        assertThat(tracking.byHubReference(waiting).orElseThrow().status()).isEqualTo(TrackingStatus.SENT_TO_SUPPLIER);
        assertThat(tracking.byHubReference(overtaken).orElseThrow().status()).isEqualTo(TrackingStatus.CONFIRMED);
        var journeys = new MessageJourney(jdbc);
        assertThat(journeys.of(waiting).orElseThrow().steps()).extracting(Step::step, Step::at, Step::detail)
                .containsExactly(tuple("RECEIVED", T0, "RETURN"), tuple("RECEIPT", T0, "ACCEPTED"),
                        tuple("HANDED_TO_SUPPLIER", T0.plusSeconds(5), "FILE_DROP"));
        assertThat(journeys.of(overtaken).orElseThrow().steps()).extracting(Step::step, Step::detail).containsExactly(
                tuple("RECEIVED", "ORDER"), tuple("RECEIPT", "ACCEPTED"), tuple("SUPPLIER_EVENT", "CONFIRMED"),
                tuple("HANDED_TO_SUPPLIER", "API"));
        assertThat(tracking.handedToSupplier(UUID.randomUUID().toString(), "API", T0)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void showsARejectedMessageWithItsErrorCodesAndNothingAfter(TestDatabase db) {
        var jdbc = new JdbcTemplate(db.dataSource());
        String rejected = record(new TrackingStore(jdbc), "ORDER", TrackingStatus.REJECTED, REFUSED);

        assertThat(new MessageJourney(jdbc).of(rejected).orElseThrow().steps())
                .extracting(Step::step, Step::detail).containsExactly(
                        tuple("RECEIVED", "ORDER"),
                        tuple("RECEIPT", "REJECTED CUSTOMER_NUMBER_UNKNOWN PAYER_NUMBER_INVALID"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void showsAnOrderTheSupplierRefusedAndAParkedOne(TestDatabase db) {
        var jdbc = new JdbcTemplate(db.dataSource());
        var tracking = new TrackingStore(jdbc);
        String refused = record(tracking, "ORDER", TrackingStatus.ACCEPTED, "{}");
        tracking.updateStatus(refused, TrackingStatus.REJECTED_BY_SUPPLIER, T0.plusSeconds(4));
        String parked = record(tracking, "FAULT_REPORT", TrackingStatus.ACCEPTED, "{}");
        tracking.updateStatus(parked, TrackingStatus.PARKED, T0.plusMinutes(1));
        var journeys = new MessageJourney(jdbc);

        assertThat(journeys.of(refused).orElseThrow().steps()).extracting(Step::step, Step::at, Step::detail)
                .endsWith(tuple("SUPPLIER_ANSWER", T0.plusSeconds(4), "REJECTED_BY_SUPPLIER"));
        assertThat(journeys.of(parked).orElseThrow().steps()).extracting(Step::step, Step::at)
                .endsWith(tuple("PARKED", T0.plusMinutes(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void showsAnIncidentReportsChannelsAndTheAuthoritysConfirmation(TestDatabase db) {
        var jdbc = new JdbcTemplate(db.dataSource());
        String report = record(new TrackingStore(jdbc), "INCIDENT_REPORT", TrackingStatus.ACCEPTED, "{}");
        jdbc.update("""
                insert into incident_report (hub_reference, kommun_code, message_id, consequence, accepted_at, due_at,
                    sent_at, manufacturer_sent_at, confirmed_at, authority_reference)
                values (?, '1480', ?, 'SERIOUS', ?, ?, ?, ?, ?, 'LV-2026-0042')""", report, "m-" + report,
                ts(T0), ts(T0.plusDays(2)), ts(T0.plusSeconds(30)), ts(T0.plusSeconds(20)), ts(T0.plusHours(5)));

        assertThat(new MessageJourney(jdbc).of(report).orElseThrow().steps())
                .extracting(Step::step, Step::at, Step::detail).containsExactly(
                        tuple("RECEIVED", T0, "INCIDENT_REPORT"),
                        tuple("RECEIPT", T0, "ACCEPTED"),
                        tuple("MANUFACTURER_COPY_SENT", T0.plusSeconds(20), "MANUFACTURER"),
                        tuple("SENT_TO_AUTHORITY", T0.plusSeconds(30), "LAKEMEDELSVERKET"),
                        tuple("AUTHORITY_CONFIRMED", T0.plusHours(5), "LV-2026-0042"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void knowsNoJourneyOfAnUnknownHubReference(TestDatabase db) {
        assertThat(new MessageJourney(new JdbcTemplate(db.dataSource())).of(UUID.randomUUID().toString())).isEmpty();
    }

    private static String record(TrackingStore tracking, String type, TrackingStatus status, String receipt) {
        String hubReference = UUID.randomUUID().toString();
        tracking.recordIfAbsent(new TrackedMessage(hubReference, "1480", "msg-" + hubReference, type, "KN-1480-001",
                status, receipt, T0));
        return hubReference;
    }

    private static Timestamp ts(OffsetDateTime at) {
        return Timestamp.from(at.toInstant());
    }
}
