package se.hjalpmedelsnav.hub.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static se.hjalpmedelsnav.hub.alert.AlertFixture.at;
import static se.hjalpmedelsnav.hub.alert.AlertFixture.record;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import se.hjalpmedelsnav.hub.tracking.TestDatabases;
import se.hjalpmedelsnav.hub.tracking.TestDatabases.TestDatabase;
import se.hjalpmedelsnav.hub.tracking.TrackingStatus;
import se.hjalpmedelsnav.hub.tracking.TrackingStore;

/**
 * Each alert that reads the database, caused and cleared on every database the hub runs on (H2 always, PostgreSQL
 * with -Dnav.test.postgres.url): the clock is moved, never waited for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertDatabaseTest {

    private final List<TestDatabase> databases = TestDatabases.all();

    List<TestDatabase> databases() {
        return databases;
    }

    @AfterAll
    void dropSchemas() {
        databases.forEach(db -> db.drop().run());
    }

    private static void clean(JdbcTemplate jdbc) {
        jdbc.update("delete from tracked_message");
        jdbc.update("delete from incident_report");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void businessSilenceIsRaisedAfterTwoUsualHoursWithoutAMessageAndClearedByTheNext(TestDatabase db) throws Exception {
        var jdbc = new JdbcTemplate(db.dataSource());
        clean(jdbc);
        var tracking = new TrackingStore(jdbc);
        // 1480: hours set in configuration. 1481: hours learnt (it sent Mondays 08-12 on each of the last 4 weeks).
        // 1483: an agreement party with neither (never sent): nothing to compare with. 1482: no agreement.
        var properties = AlertFixture.properties(Map.of("nav.alerts.silence.hours.1480", "MON-FRI 08-17"));
        for (int week = 1; week <= 4; week++) {
            for (String hour : List.of("08:10", "09:10", "10:10", "11:10")) {
                record(tracking, "1481", "ORDER", TrackingStatus.DELIVERED,
                        at("2026-12-07T" + hour).minus(Duration.ofDays(7L * week)));
            }
        }
        record(tracking, "1480", "ORDER", TrackingStatus.DELIVERED, at("2026-12-04T16:30")); // a Friday afternoon
        try (var fixture = new AlertFixture("2026-12-07T08:59")) { // Monday morning
            var rule = new BusinessSilence(new AlertStore(jdbc), properties, () -> Set.of("1480", "1481", "1483"),
                    fixture.clock);

            fixture.check(rule); // 1480: 30 min on Friday + 59 on Monday; 1481: 30 min last Monday + 59 today
            assertThat(fixture.subjects(AlertCode.BUSINESS_SILENCE)).isEmpty();
            assertThat(fixture.active(AlertCode.BUSINESS_SILENCE)).isZero();

            fixture.now("2026-12-07T10:31");
            fixture.check(rule);
            assertThat(fixture.subjects(AlertCode.BUSINESS_SILENCE)).containsExactly("1480", "1481");
            assertThat(fixture.alert(AlertCode.BUSINESS_SILENCE, "1481").detail()).contains("learnt");
            assertThat(fixture.alert(AlertCode.BUSINESS_SILENCE, "1480").detail()).contains("configured")
                    .contains("3 h 1 min");
            assertThat(fixture.gauge(AlertCode.BUSINESS_SILENCE, "1480")).isEqualTo(1.0);
            assertThat(fixture.active(AlertCode.BUSINESS_SILENCE)).isEqualTo(2.0);
            assertThat(fixture.lines()).filteredOn(l -> l.startsWith("WARN Alert BUSINESS_SILENCE raised for kommun"))
                    .hasSize(2);

            fixture.now("2026-12-07T10:45");
            fixture.check(rule); // still silent: raised once, not again
            assertThat(fixture.lines()).hasSize(2);
            assertThat(fixture.alert(AlertCode.BUSINESS_SILENCE, "1480").raisedAt().toInstant())
                    .isEqualTo(at("2026-12-07T10:31"));

            record(tracking, "1480", "ORDER", TrackingStatus.ACCEPTED, at("2026-12-07T10:50"));
            fixture.now("2026-12-07T10:51");
            fixture.check(rule);
            assertThat(fixture.subjects(AlertCode.BUSINESS_SILENCE)).containsExactly("1481");
            assertThat(fixture.gauge(AlertCode.BUSINESS_SILENCE, "1480")).isNull();
            assertThat(fixture.active(AlertCode.BUSINESS_SILENCE)).isEqualTo(1.0);
            assertThat(fixture.lines()).last().asString().startsWith("INFO Alert BUSINESS_SILENCE cleared for kommun 1480");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void refusalSpikeIsRaisedWhenTheLastHoursShareJumpsAboveTheBaselineAndClearedWhenItFalls(TestDatabase db)
            throws Exception {
        var jdbc = new JdbcTemplate(db.dataSource());
        clean(jdbc);
        var tracking = new TrackingStore(jdbc);
        Instant now = at("2026-12-07T11:00");
        // 1480: 5 % refused over the week, 4 of 12 (33 %) in the last hour: above max(25 %, 3 x 5 %).
        // 1481: every one of 5 refused, but fewer than 10 messages in the hour.
        // 1482: 30 % refused all week (threshold 90 %), 50 % in the hour: its usual, no spike.
        for (int i = 0; i < 100; i++) {
            Instant when = now.minus(Duration.ofHours(2 + i));
            record(tracking, "1480", "ORDER", i % 20 == 0 ? TrackingStatus.REJECTED : TrackingStatus.DELIVERED, when);
            record(tracking, "1482", "ORDER", i % 10 < 3 ? TrackingStatus.REJECTED : TrackingStatus.DELIVERED, when);
        }
        for (int i = 0; i < 12; i++) {
            Instant when = now.minus(Duration.ofMinutes(55 - i));
            record(tracking, "1480", "ORDER", i < 4 ? TrackingStatus.REJECTED : TrackingStatus.ACCEPTED, when);
            record(tracking, "1482", "ORDER", i < 6 ? TrackingStatus.REJECTED : TrackingStatus.ACCEPTED, when);
        }
        for (int i = 0; i < 5; i++) {
            record(tracking, "1481", "ORDER", TrackingStatus.REJECTED, now.minus(Duration.ofMinutes(30 - i)));
        }
        try (var fixture = new AlertFixture("2026-12-07T11:00")) {
            var rule = new RefusalSpike(new AlertStore(jdbc), AlertFixture.properties(Map.of()), fixture.clock);
            fixture.check(rule);
            assertThat(fixture.subjects(AlertCode.REFUSAL_SPIKE)).containsExactly("1480");
            Alert spike = fixture.alert(AlertCode.REFUSAL_SPIKE, "1480");
            assertThat(spike.count()).isEqualTo(4);
            assertThat(spike.detail()).isEqualTo(
                    "rejected 4 of 12 in the last 60 min (33 %); baseline 5 % of 100 over 7 days; threshold 25 %");
            assertThat(fixture.gauge(AlertCode.REFUSAL_SPIKE, "1480")).isEqualTo(4.0);
            assertThat(fixture.lines()).containsExactly("WARN Alert REFUSAL_SPIKE raised for kommun 1480: " + spike.detail());

            // An hour later: 12 accepted in the new hour, the refused ones are in the baseline now.
            for (int i = 0; i < 12; i++) {
                record(tracking, "1480", "ORDER", TrackingStatus.ACCEPTED, now.plus(Duration.ofMinutes(5 + i)));
            }
            fixture.now("2026-12-07T12:01");
            fixture.check(rule);
            assertThat(fixture.subjects(AlertCode.REFUSAL_SPIKE)).isEmpty();
            assertThat(fixture.gauge(AlertCode.REFUSAL_SPIKE, "1480")).isNull();
            assertThat(fixture.lines()).last().asString().startsWith("INFO Alert REFUSAL_SPIKE cleared for kommun 1480");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void supplierDeadlinesCountSwedishWorkingDaysAndClearWithTheSuppliersEvent(TestDatabase db) throws Exception {
        var jdbc = new JdbcTemplate(db.dataSource());
        clean(jdbc);
        var tracking = new TrackingStore(jdbc);
        String order = record(tracking, "1480", "ORDER", TrackingStatus.SENT_TO_SUPPLIER, at("2026-12-04T10:00"));
        String answered = record(tracking, "1480", "ORDER", TrackingStatus.CONFIRMED, at("2026-12-04T10:00"));
        String fault = record(tracking, "1481", "FAULT_REPORT", TrackingStatus.RECEIVED, at("2026-12-07T10:00"));
        String pickup = record(tracking, "1482", "RETURN", TrackingStatus.SENT_TO_SUPPLIER, at("2026-12-18T10:00"));
        try (var fixture = new AlertFixture("2026-12-07T23:59")) {
            var rule = new SupplierDeadlines(new AlertStore(jdbc), AlertFixture.properties(Map.of()), fixture.clock);

            // The order of Friday: one working day is Monday, due at its end.
            fixture.check(rule);
            assertThat(fixture.subjects(AlertCode.SUPPLIER_DEADLINE)).isEmpty();
            fixture.now("2026-12-08T00:01");
            fixture.check(rule);
            assertThat(fixture.subjects(AlertCode.SUPPLIER_DEADLINE)).containsExactly("1480");
            Alert late = fixture.alert(AlertCode.SUPPLIER_DEADLINE, "1480");
            assertThat(late.references()).containsExactly(order).doesNotContain(answered);
            assertThat(late.detail()).isEqualTo("past the deadline: ORDER_CONFIRMATION 1 (1 working days)");
            tracking.updateStatus(order, TrackingStatus.CONFIRMED, at("2026-12-08T08:00").atOffset(ZoneOffset.UTC));
            fixture.now("2026-12-08T08:01");
            fixture.check(rule);
            assertThat(fixture.subjects(AlertCode.SUPPLIER_DEADLINE)).isEmpty();

            // The fault report of Monday: repair started within 3 working days (Thursday), resolved within 10.
            fixture.now("2026-12-10T23:59");
            fixture.check(rule);
            assertThat(fixture.subjects(AlertCode.SUPPLIER_DEADLINE)).isEmpty();
            fixture.now("2026-12-11T00:01");
            fixture.check(rule);
            assertThat(fixture.alert(AlertCode.SUPPLIER_DEADLINE, "1481").detail())
                    .isEqualTo("past the deadline: REPAIR_STARTED 1 (3 working days)");
            tracking.updateStatus(fault, TrackingStatus.IN_PROGRESS, at("2026-12-11T09:00").atOffset(ZoneOffset.UTC));
            fixture.now("2026-12-11T09:01");
            fixture.check(rule);
            assertThat(fixture.subjects(AlertCode.SUPPLIER_DEADLINE)).isEmpty();
            fixture.now("2026-12-22T00:01"); // 10 working days after Monday 7 December: Monday 21 December
            fixture.check(rule);
            assertThat(fixture.alert(AlertCode.SUPPLIER_DEADLINE, "1481").detail())
                    .isEqualTo("past the deadline: REPAIR_RESOLVED 1 (10 working days)");
            tracking.updateStatus(fault, TrackingStatus.RESOLVED, at("2026-12-22T09:00").atOffset(ZoneOffset.UTC));

            // The return of Friday 18 December: 7 working days over Christmas and New Year are Monday 4 January.
            fixture.now("2027-01-04T23:59");
            fixture.check(rule);
            assertThat(fixture.subjects(AlertCode.SUPPLIER_DEADLINE)).isEmpty();
            fixture.now("2027-01-05T00:01");
            fixture.check(rule);
            assertThat(fixture.alert(AlertCode.SUPPLIER_DEADLINE, "1482").references()).containsExactly(pickup);
            assertThat(fixture.alert(AlertCode.SUPPLIER_DEADLINE, "1482").detail())
                    .isEqualTo("past the deadline: PICKUP 1 (7 working days)");
            tracking.updateStatus(pickup, TrackingStatus.PICKED_UP, at("2027-01-05T09:00").atOffset(ZoneOffset.UTC));
            fixture.now("2027-01-05T09:01");
            fixture.check(rule);
            assertThat(fixture.subjects(AlertCode.SUPPLIER_DEADLINE)).isEmpty();
            assertThat(fixture.lines()).filteredOn(l -> l.startsWith("WARN")).hasSize(4);
            assertThat(fixture.lines()).filteredOn(l -> l.startsWith("INFO")).hasSize(4);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void incidentDeadlineStaysRaisedUntilTheLastOverdueReportIsConfirmed(TestDatabase db) throws Exception {
        var jdbc = new JdbcTemplate(db.dataSource());
        clean(jdbc);
        String report = UUID.randomUUID().toString();
        jdbc.update("""
                insert into incident_report (hub_reference, kommun_code, message_id, consequence, accepted_at, due_at)
                values (?, '1480', 'inc-1', 'SERIOUS_INJURY', ?, ?)""", report,
                Timestamp.from(at("2026-12-05T10:00")), Timestamp.from(at("2026-12-07T10:00")));
        try (var fixture = new AlertFixture("2026-12-07T09:59")) {
            var rule = new IncidentDeadlineAlerts(new AlertStore(jdbc), fixture.clock);
            fixture.check(rule);
            assertThat(fixture.subjects(AlertCode.INCIDENT_DEADLINE)).isEmpty();
            fixture.now("2026-12-07T10:01");
            fixture.check(rule);
            assertThat(fixture.alert(AlertCode.INCIDENT_DEADLINE, "1480").references()).containsExactly(report);
            assertThat(fixture.gauge(AlertCode.INCIDENT_DEADLINE, "1480")).isEqualTo(1.0);
            jdbc.update("update incident_report set confirmed_at = ?, authority_reference = 'LV-1' where hub_reference = ?",
                    Timestamp.from(at("2026-12-07T11:00")), report);
            fixture.now("2026-12-07T11:01");
            fixture.check(rule);
            assertThat(fixture.subjects(AlertCode.INCIDENT_DEADLINE)).isEmpty();
            assertThat(fixture.gauge(AlertCode.INCIDENT_DEADLINE, "1480")).isNull();
        }
    }
}
