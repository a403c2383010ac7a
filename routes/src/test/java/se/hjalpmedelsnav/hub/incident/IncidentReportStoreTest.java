package se.hjalpmedelsnav.hub.incident;

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
import se.hjalpmedelsnav.hub.tracking.TestDatabases;
import se.hjalpmedelsnav.hub.tracking.TestDatabases.TestDatabase;

/** The incident report tracking (Flyway V3) on every database the hub runs on (H2 always, PostgreSQL in CI). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentReportStoreTest {

    private static final OffsetDateTime ACCEPTED = OffsetDateTime.of(2026, 11, 23, 10, 15, 0, 0, ZoneOffset.ofHours(1));

    private final List<TestDatabase> databases = TestDatabases.all();

    List<TestDatabase> databases() {
        return databases;
    }

    @AfterAll
    void dropSchemas() {
        databases.forEach(db -> db.drop().run());
    }

    private static String tracked(IncidentReportStore store, OffsetDateTime due) {
        String hubReference = UUID.randomUUID().toString();
        assertThat(store.trackIfAbsent(hubReference, "1480", "incident-" + hubReference, "DEATH", ACCEPTED, due))
                .isTrue();
        return hubReference;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void tracksAReportOnceAndRecordsEachDeliveryOnce(TestDatabase db) {
        var store = new IncidentReportStore(new JdbcTemplate(db.dataSource()));
        String hubReference = tracked(store, ACCEPTED.plusDays(2));

        assertThat(store.trackIfAbsent(hubReference, "1480", "other", "DEATH", ACCEPTED, ACCEPTED)).isFalse();
        assertThat(store.markSent(hubReference, ACCEPTED.plusMinutes(1))).isTrue();
        assertThat(store.markSent(hubReference, ACCEPTED.plusMinutes(5))).isFalse();
        assertThat(store.markManufacturerSent(hubReference, ACCEPTED.plusMinutes(2))).isTrue();
        assertThat(store.markManufacturerSent(hubReference, ACCEPTED.plusMinutes(6))).isFalse();

        IncidentReportRecord report = store.find(hubReference).orElseThrow();
        assertThat(report.dueAt()).isEqualTo(ACCEPTED.plusDays(2));
        assertThat(report.sentAt()).isEqualTo(ACCEPTED.plusMinutes(1));
        assertThat(report.manufacturerSentAt()).isEqualTo(ACCEPTED.plusMinutes(2));
        assertThat(report.confirmed()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aConfirmationIsRecordedOnceAndTheFirstReferenceStands(TestDatabase db) {
        var store = new IncidentReportStore(new JdbcTemplate(db.dataSource()));
        String hubReference = tracked(store, ACCEPTED.plusDays(2));

        assertThat(store.confirm(hubReference, "6.3.4-2026-1", ACCEPTED.plusHours(3))).isTrue();
        assertThat(store.confirm(hubReference, "6.3.4-2026-2", ACCEPTED.plusHours(4))).isFalse();
        assertThat(store.confirm(UUID.randomUUID().toString(), "6.3.4-2026-3", ACCEPTED)).isFalse();

        assertThat(store.find(hubReference).orElseThrow().authorityReference()).isEqualTo("6.3.4-2026-1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findsUnconfirmedReportsPastTheirDeadlineAndAlertsEachOnce(TestDatabase db) {
        var store = new IncidentReportStore(new JdbcTemplate(db.dataSource()));
        OffsetDateTime now = ACCEPTED.plusDays(30);
        String overdue = tracked(store, now.minusHours(1));
        String notYetDue = tracked(store, now.plusHours(1));
        String confirmed = tracked(store, now.minusHours(2));
        store.confirm(confirmed, "6.3.4-2026-4", now.minusHours(3));

        assertThat(store.overdueWithoutAlert(now, 100)).extracting(IncidentReportRecord::hubReference)
                .contains(overdue).doesNotContain(notYetDue, confirmed);
        assertThat(store.markAlertRaised(overdue, now)).isTrue();
        assertThat(store.markAlertRaised(overdue, now.plusMinutes(1))).isFalse();
        assertThat(store.markAlertRaised(confirmed, now)).as("a confirmed report raises no alert").isFalse();
        assertThat(store.overdueWithoutAlert(now, 100)).extracting(IncidentReportRecord::hubReference)
                .doesNotContain(overdue);
    }
}
