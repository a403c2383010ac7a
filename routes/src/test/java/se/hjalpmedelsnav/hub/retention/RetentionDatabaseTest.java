package se.hjalpmedelsnav.hub.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static se.hjalpmedelsnav.hub.retention.RetentionFixture.days;
import static se.hjalpmedelsnav.hub.retention.RetentionFixture.utc;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import se.hjalpmedelsnav.hub.admin.ReplayAudit;
import se.hjalpmedelsnav.hub.admin.ReplayRecord;
import se.hjalpmedelsnav.hub.incident.IncidentReportStore;
import se.hjalpmedelsnav.hub.lease.JobLease;
import se.hjalpmedelsnav.hub.tracking.TestDatabases;
import se.hjalpmedelsnav.hub.tracking.TestDatabases.TestDatabase;
import se.hjalpmedelsnav.hub.tracking.TrackedMessage;
import se.hjalpmedelsnav.hub.tracking.TrackingStatus;
import se.hjalpmedelsnav.hub.tracking.TrackingStore;

/**
 * The purge of the database tables on every database the hub runs on (H2 always, PostgreSQL when
 * {@code -Dnav.test.postgres.url} names one), each in a fresh schema, on the hub's embedded broker. Rows are aged
 * by the purge's clock, not by waiting.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionDatabaseTest {

    private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");

    private final List<TestDatabase> databases = new ArrayList<>();
    private final RetentionFixture.Broker broker;
    private final RetentionProperties policy = RetentionFixture.policy();

    RetentionDatabaseTest() throws Exception {
        broker = new RetentionFixture.Broker();
    }

    /** The kinds of database; each test gets a fresh schema of its own, so that no row of another test counts. */
    List<String> databases() {
        return System.getProperty(TestDatabases.POSTGRES_URL, "").isBlank() ? List.of("H2") : List.of("H2", "PostgreSQL");
    }

    private TestDatabase fresh(String kind) {
        TestDatabase db = kind.equals("H2") ? TestDatabases.h2()
                : TestDatabases.postgres(System.getProperty(TestDatabases.POSTGRES_URL));
        databases.add(db);
        return db;
    }

    @AfterAll
    void close() throws Exception {
        databases.forEach(db -> db.drop().run());
        broker.close();
    }

    private RetentionPurge purgeAt(TestDatabase db, Instant at) {
        return RetentionFixture.purge(policy, db.dataSource(), broker.connectionFactory(), new RetentionFixture.MovableClock(at));
    }

    private static TrackedMessage tracked(String messageId, Instant receivedAt) {
        return new TrackedMessage(UUID.randomUUID().toString(), "1480", messageId, "ORDER", "KN-1480-001",
                TrackingStatus.DELIVERED, "{\"status\":\"ACCEPTED\"}", utc(receivedAt));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void rowsPastTheirPeriodGoAndYoungerOnesStay(String kind) {
        TestDatabase db = fresh(kind);
        var jdbc = new JdbcTemplate(db.dataSource());
        var tracking = new TrackingStore(jdbc);
        var tables = policy.tables();
        Instant oldMessage = NOW.minus(tables.trackedMessages()).minus(Duration.ofHours(1));
        Instant youngMessage = NOW.minus(tables.trackedMessages()).plus(Duration.ofHours(1));
        var gone = tracked("order-old-" + UUID.randomUUID(), oldMessage);
        var stays = tracked("order-young-" + UUID.randomUUID(), youngMessage);
        tracking.recordIfAbsent(gone);
        tracking.recordIfAbsent(stays);
        // Received long ago, but changed within the period: still moving, so it stays.
        var stillMoving = tracked("order-moving-" + UUID.randomUUID(), oldMessage);
        tracking.recordIfAbsent(stillMoving);
        tracking.updateStatus(stillMoving.hubReference(), TrackingStatus.DELIVERED, utc(youngMessage));

        tracking.recordSupplierEventIfAbsent("evt-old", gone.hubReference(), "DELIVERED",
                utc(NOW.minus(tables.supplierEvents()).minusSeconds(60)));
        tracking.recordSupplierEventIfAbsent("evt-young", stays.hubReference(), "DELIVERED",
                utc(NOW.minus(tables.supplierEvents()).plusSeconds(60)));

        jdbc.update("insert into camel_messageprocessed (processorName, messageId, createdAt) values (?, ?, ?)",
                "supplier-filedrop-status", "old.xml-100-1", Timestamp.from(NOW.minus(tables.statusFilesRead()).minusSeconds(60)));
        jdbc.update("insert into camel_messageprocessed (processorName, messageId, createdAt) values (?, ?, ?)",
                "supplier-filedrop-status", "young.xml-100-1", Timestamp.from(NOW.minus(tables.statusFilesRead()).plusSeconds(60)));

        var reports = new IncidentReportStore(jdbc);
        Instant longAgo = NOW.minus(Duration.ofDays(3000));
        String confirmedLongAgo = report(reports, longAgo, NOW.minus(tables.confirmedIncidentReports()).minusSeconds(60));
        String confirmedRecently = report(reports, longAgo, NOW.minus(tables.confirmedIncidentReports()).plusSeconds(60));
        String neverConfirmed = report(reports, longAgo, null);

        var replays = new ReplayAudit(jdbc);
        replays.record(replay("replay-old", NOW.minus(tables.replayAudit()).minusSeconds(60)));
        replays.record(replay("replay-young", NOW.minus(tables.replayAudit()).plusSeconds(60)));

        RetentionAudit.Run run = purgeAt(db, NOW).run();

        assertThat(run.outcome()).isEqualTo(RetentionPurge.DONE);
        assertThat(run.removed()).containsEntry("tracked_message", 1).containsEntry("supplier_event", 1)
                .containsEntry("camel_messageprocessed", 1).containsEntry("incident_report", 1)
                .containsEntry("replay_audit", 1);
        assertThat(tracking.byHubReference(gone.hubReference())).isEmpty();
        assertThat(tracking.byHubReference(stays.hubReference())).isPresent();
        assertThat(tracking.byHubReference(stillMoving.hubReference())).isPresent();
        assertThat(jdbc.queryForList("select event_id from supplier_event", String.class)).containsExactly("evt-young");
        assertThat(jdbc.queryForList("select messageId from camel_messageprocessed", String.class))
                .containsExactly("young.xml-100-1");
        assertThat(reports.find(confirmedLongAgo)).isEmpty();
        assertThat(reports.find(confirmedRecently)).isPresent();
        assertThat(reports.find(neverConfirmed)).as("an unconfirmed report, however old").isPresent();
        assertThat(replays.recent(null, 10)).extracting(ReplayRecord::id).containsExactly("replay-young");
        assertThat(new RetentionAudit(jdbc).runs(5)).extracting(RetentionAudit.Run::removed)
                .as("the run is recorded with its counts").contains(run.removed());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theLoanRegisterKeepsWhatIsLentAndRemovesWhatEndedOrWasSentLongAgo(String kind) {
        TestDatabase db = fresh(kind);
        var jdbc = new JdbcTemplate(db.dataSource());
        var tables = policy.tables();
        Timestamp longAgo = Timestamp.from(NOW.minus(Duration.ofDays(3000)));
        Timestamp endedLongAgo = Timestamp.from(NOW.minus(tables.endedLoans()).minusSeconds(60));
        Timestamp endedRecently = Timestamp.from(NOW.minus(tables.endedLoans()).plusSeconds(60));
        loan(jdbc, "IND-LENT", "order-lent", "LENT", longAgo, null);
        loan(jdbc, "IND-RETURNED-OLD", "order-returned-old", "RETURNED", longAgo, endedLongAgo);
        loan(jdbc, "IND-RETURNED-NEW", "order-returned-new", "RETURNED", longAgo, endedRecently);
        Timestamp recordedLongAgo = Timestamp.from(NOW.minus(tables.loanOrigins()).minusSeconds(60));
        for (String order : List.of("order-lent", "order-returned-old", "order-never-delivered")) {
            jdbc.update("insert into loan_origin (hub_reference, kommun_code, message_type, recorded_at) "
                    + "values (?, '1480', 'ORDER', ?)", order, recordedLongAgo);
        }
        jdbc.update("insert into loan_origin (hub_reference, kommun_code, message_type, recorded_at) "
                + "values ('order-recent', '1480', 'ORDER', ?)", Timestamp.from(NOW.minus(Duration.ofDays(1))));
        Timestamp sentLongAgo = Timestamp.from(NOW.minus(tables.sentReminders()).minusSeconds(60));
        reminder(jdbc, "reminder-sent-old", longAgo, sentLongAgo);
        reminder(jdbc, "reminder-unsent-old", longAgo, null);
        reminder(jdbc, "reminder-sent-new", longAgo, Timestamp.from(NOW.minus(Duration.ofDays(1))));

        RetentionAudit.Run run = purgeAt(db, NOW).run();

        assertThat(run.outcome()).isEqualTo(RetentionPurge.DONE);
        assertThat(run.removed()).containsEntry("loan", 1).containsEntry("loan_origin", 2)
                .containsEntry("loan_reminder", 1);
        assertThat(jdbc.queryForList("select device_id from loan order by device_id", String.class))
                .as("a lent device's loan, however old, and a loan ended within the period")
                .containsExactly("IND-LENT", "IND-RETURNED-NEW");
        assertThat(jdbc.queryForList("select hub_reference from loan_origin order by hub_reference", String.class))
                .as("an origin with a lent loan on it, and a recent one")
                .containsExactly("order-lent", "order-recent");
        assertThat(jdbc.queryForList("select id from loan_reminder order by id", String.class))
                .as("an unsent reminder, however old, and one sent within the period")
                .containsExactly("reminder-sent-new", "reminder-unsent-old");
    }

    private static void loan(JdbcTemplate jdbc, String deviceId, String hubReference, String state, Timestamp since,
            Timestamp endedAt) {
        jdbc.update("insert into loan (kommun_code, device_id, hub_reference, state, since, ended_at, updated_at) "
                + "values ('1480', ?, ?, ?, ?, ?, ?)", deviceId, hubReference, state, since, endedAt,
                endedAt != null ? endedAt : since);
    }

    private static void reminder(JdbcTemplate jdbc, String id, Timestamp decidedAt, Timestamp sentAt) {
        jdbc.update("insert into loan_reminder (id, kind, kommun_code, hub_reference, due_date, device_ids, decided_at, "
                + "sent_at) values (?, 'FOLLOW_UP_DUE', '1480', ?, ?, '[\"IND-1\"]', ?, ?)", id, "order-" + id,
                java.sql.Date.valueOf("2020-01-01"), decidedAt, sentAt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aResendInsideTheWindowIsStillADuplicateAndOneAfterItIsANewMessage(String kind) {
        TestDatabase db = fresh(kind);
        var tracking = new TrackingStore(new JdbcTemplate(db.dataSource()));
        Duration window = policy.tables().trackedMessages();
        var insideWindow = tracked("order-" + UUID.randomUUID(), NOW.minus(window).plus(Duration.ofDays(1)));
        var pastWindow = tracked("order-" + UUID.randomUUID(), NOW.minus(window).minus(Duration.ofDays(1)));
        tracking.recordIfAbsent(insideWindow);
        tracking.recordIfAbsent(pastWindow);

        purgeAt(db, NOW).run();

        // The intake records a message with recordIfAbsent; false is the duplicate receipt with the original.
        assertThat(tracking.recordIfAbsent(tracked(insideWindow.messageId(), NOW))).as("resend inside the window")
                .isFalse();
        assertThat(tracking.find("1480", insideWindow.messageId())).get()
                .extracting(TrackedMessage::hubReference).isEqualTo(insideWindow.hubReference());
        assertThat(tracking.recordIfAbsent(tracked(pastWindow.messageId(), NOW))).as("resend after the window")
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoHubsPurgingAtOnceRemoveEachRowOnce(String kind) throws Exception {
        TestDatabase db = fresh(kind);
        var jdbc = new JdbcTemplate(db.dataSource());
        var tracking = new TrackingStore(jdbc);
        Instant old = NOW.minus(policy.tables().trackedMessages()).minus(Duration.ofDays(2));
        int oldRows = 1_200;
        insertTracked(jdbc, "order-race-", oldRows, old);
        tracking.recordIfAbsent(tracked("order-race-young", NOW));
        // Small batches, so that the two runs would interleave if the lease let them.
        RetentionProperties smallBatches = RetentionFixture.policy(Map.of("nav.retention.batch-size", "50"));
        var barrier = new CyclicBarrier(2);
        List<Callable<RetentionAudit.Run>> hubs = new ArrayList<>();
        for (String hub : List.of("hub-a", "hub-b")) {
            RetentionPurge purge = RetentionFixture.purge(smallBatches, db.dataSource(), broker.connectionFactory(),
                    new RetentionFixture.MovableClock(NOW), new SimpleMeterRegistry(), hub, null);
            hubs.add(() -> {
                barrier.await(10, TimeUnit.SECONDS);
                return purge.run();
            });
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<RetentionAudit.Run> runs = new ArrayList<>();
            for (Future<RetentionAudit.Run> run : threads.invokeAll(hubs, 60, TimeUnit.SECONDS)) {
                runs.add(run.get());
            }
            assertThat(runs).extracting(RetentionAudit.Run::outcome).doesNotContain(RetentionPurge.FAILED);
            assertThat(runs.stream().mapToInt(run -> run.removed().getOrDefault("tracked_message", 0)).sum())
                    .isEqualTo(oldRows);
        } finally {
            threads.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from tracked_message where message_id like 'order-race-%'",
                Integer.class)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void batchesOfTwoPurgesWithoutTheLeaseStillRemoveEachRowOnce(String kind) throws Exception {
        TestDatabase db = fresh(kind);
        Instant old = NOW.minus(policy.tables().trackedMessages()).minus(Duration.ofDays(2));
        int oldRows = 1_000;
        insertTracked(new JdbcTemplate(db.dataSource()), "order-batch-", oldRows, old);
        RetentionProperties smallBatches = RetentionFixture.policy(Map.of("nav.retention.batch-size", "25"));
        var barrier = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> purges = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                var purge = new DatabasePurge(new JdbcTemplate(db.dataSource()), smallBatches);
                purges.add(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    return purge.purge(NOW, () -> true).get("tracked_message");
                });
            }
            int removed = 0;
            for (Future<Integer> purge : threads.invokeAll(purges, 60, TimeUnit.SECONDS)) {
                removed += purge.get();
            }
            assertThat(removed).isEqualTo(oldRows);
        } finally {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRunDeletesAtMostItsBatchesAndStopsBetweenBatchesWhenItLosesTheLease(String kind) {
        TestDatabase db = fresh(kind);
        var jdbc = new JdbcTemplate(db.dataSource());
        Instant old = NOW.minus(policy.tables().trackedMessages()).minus(Duration.ofDays(2));
        insertTracked(jdbc, "order-bounded-", 500, old);
        var bounded = new DatabasePurge(jdbc, RetentionFixture.policy(Map.of("nav.retention.batch-size", "40",
                "nav.retention.max-batches", "3")));

        assertThat(bounded.purge(NOW, () -> true)).containsEntry("tracked_message", 120);

        int[] batchesLeft = {2};
        assertThat(bounded.purge(NOW, () -> batchesLeft[0]-- > 0)).as("the lease lost after two batches")
                .containsEntry("tracked_message", 80);
        assertThat(jdbc.queryForObject("select count(*) from tracked_message", Integer.class)).isEqualTo(300);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theLeaseKeepsASecondHubOutUntilItIsFreedOrRunsOut(String kind) {
        TestDatabase db = fresh(kind);
        var jdbc = new JdbcTemplate(db.dataSource());
        var first = new JobLease(jdbc, RetentionPurge.LEASE, "hub-a");
        var second = new JobLease(jdbc, RetentionPurge.LEASE, "hub-b");
        Duration lease = policy.lease();

        assertThat(first.take(NOW, NOW.plus(lease))).isTrue();
        assertThat(second.take(NOW.plusSeconds(60), NOW.plusSeconds(60).plus(lease))).isFalse();
        assertThat(first.renew(NOW.plusSeconds(120).plus(lease))).isTrue();
        first.release(NOW.plusSeconds(170));
        assertThat(second.take(NOW.plusSeconds(160), NOW.plusSeconds(160).plus(lease))).as("resting after a run")
                .isFalse();
        assertThat(second.take(NOW.plusSeconds(180), NOW.plusSeconds(180).plus(lease))).isTrue();
        assertThat(first.renew(NOW.plusSeconds(200))).as("the first hub lost it").isFalse();
        // hub-b dies holding it: once its time has passed, hub-a takes it.
        Instant afterExpiry = NOW.plusSeconds(181).plus(lease);
        assertThat(first.take(afterExpiry, afterExpiry.plus(lease))).isTrue();
    }

    /** Many old messages at once, in one batch on one connection. */
    private static void insertTracked(JdbcTemplate jdbc, String prefix, int count, Instant at) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {UUID.randomUUID().toString(), prefix + i, Timestamp.from(at), Timestamp.from(at)});
        }
        jdbc.batchUpdate("insert into tracked_message (hub_reference, kommun_code, message_id, message_type, status, "
                + "receipt, received_at, updated_at) values (?, '1480', ?, 'ORDER', 'DELIVERED', '{}', ?, ?)", rows);
    }

    private static String report(IncidentReportStore reports, Instant acceptedAt, Instant confirmedAt) {
        String hubReference = UUID.randomUUID().toString();
        reports.trackIfAbsent(hubReference, "1480", "incident-" + hubReference, "DEATH", utc(acceptedAt),
                utc(days(acceptedAt, 2)));
        if (confirmedAt != null) {
            reports.confirm(hubReference, "6.3.4-2027-1", utc(confirmedAt));
        }
        return hubReference;
    }

    private static ReplayRecord replay(String id, Instant at) {
        return new ReplayRecord(id, utc(at), "admin", "admin-api", "nav.dlq.order.supplier", "nav.internal.order.supplier",
                UUID.randomUUID().toString(), "1480", "order-1", "supplier-api-order-deliver", "503");
    }
}
