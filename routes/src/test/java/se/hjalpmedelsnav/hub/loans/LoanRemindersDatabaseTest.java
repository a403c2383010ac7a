package se.hjalpmedelsnav.hub.loans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import se.hjalpmedelsnav.hub.lease.JobLease;
import se.hjalpmedelsnav.hub.retention.RetentionFixture.MovableClock;
import se.hjalpmedelsnav.hub.stage.KommunEvents.KommunEvent;
import se.hjalpmedelsnav.hub.tracking.TestDatabases;
import se.hjalpmedelsnav.hub.tracking.TestDatabases.TestDatabase;
import se.hjalpmedelsnav.hub.tracking.TrackedMessage;
import se.hjalpmedelsnav.hub.tracking.TrackingStatus;
import se.hjalpmedelsnav.hub.tracking.TrackingStore;
import se.hjalpmedelsnav.mappings.loans.FollowUpDoneMessage;
import se.hjalpmedelsnav.mappings.message.KommunMessage;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.order.Decision;
import se.hjalpmedelsnav.mappings.order.IdentityProtection;
import se.hjalpmedelsnav.mappings.order.OrderLine;
import se.hjalpmedelsnav.mappings.order.OrderMessage;
import se.hjalpmedelsnav.mappings.order.OrderProcess;
import se.hjalpmedelsnav.mappings.order.Orderer;
import se.hjalpmedelsnav.mappings.order.Recipient;
import se.hjalpmedelsnav.mappings.registry.RegistryLoader;
import se.hjalpmedelsnav.mappings.registry.RegistrySource;
import se.hjalpmedelsnav.mappings.supplier.SupplierEvent;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderStatus;

/**
 * FOLLOW_UP_DUE and RETURN_DUE from the loan register, on every database the hub runs on (H2 always, PostgreSQL with
 * -Dnav.test.postgres.url): each reminder once across a rerun and a restart, across two hubs running the job at the
 * same moment, and across a crash between the send and its record; a FOLLOW_UP_DONE moving the next one to its new
 * date; the registry's interval where the order gave no date. Time is moved with a clock, never waited for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoanRemindersDatabaseTest {

    private static final ObjectMapper JSON = KommunMessageMappers.json();
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final OffsetDateTime SENT = OffsetDateTime.parse("2026-11-23T10:15:00+01:00");
    private static final OffsetDateTime DELIVERED = OffsetDateTime.parse("2026-11-26T14:00:00+01:00");
    private static final LocalDate FOLLOW_UP = LocalDate.of(2027, 11, 20);
    private static final LocalDate VALID_TO = LocalDate.of(2028, 11, 19);

    private final List<TestDatabase> databases = TestDatabases.all();
    private final UserPseudonym pseudonym = new UserPseudonym("a-test-secret-of-more-than-32-characters");

    List<TestDatabase> databases() {
        return databases;
    }

    @AfterAll
    void dropSchemas() {
        databases.forEach(db -> db.drop().run());
    }

    /** The retention tests' clock, moved to 06:00 Swedish time of a day. */
    private static MovableClock clockOn(LocalDate day) {
        return new MovableClock(at(day));
    }

    private static Instant at(LocalDate day) {
        return day.atTime(6, 0).atZone(SWEDEN).toInstant();
    }

    /** A send as the municipality's {@code .out} would hold it, with the broker's duplicate id it was sent under. */
    private record Sent(KommunEvent event, String brokerDuplicateId) {
        LoanReminder reminder() {
            return (LoanReminder) event.event();
        }
    }

    /** One hub on the database: its stores, the register's writers, and its reminder job with its own lease holder. */
    private final class Hub {
        final TrackingStore tracking;
        final LoanRegister register;
        final LoanOrigins origins;
        final FollowUps followUps;
        final LoanEvents events;
        final LoanReminders reminders;
        final LoanReminderJob job;

        Hub(DataSource dataSource, MovableClock clock, List<Sent> out, RegistrySource registry) {
            var jdbc = new JdbcTemplate(dataSource);
            tracking = new TrackingStore(jdbc);
            register = new LoanRegister(jdbc);
            origins = new LoanOrigins(register, pseudonym);
            followUps = new FollowUps(register);
            events = registry == null ? new LoanEvents(tracking, register, clock)
                    : new LoanEvents(tracking, register, clock, registry);
            reminders = new LoanReminders(jdbc, register);
            job = new LoanReminderJob(reminders, new JobLease(jdbc, LoanReminderConfiguration.LEASE,
                    "hub-" + UUID.randomUUID()), (event, id) -> out.add(new Sent(event, id)), clock,
                    Duration.ofMinutes(10), 500);
        }

        Hub(DataSource dataSource, MovableClock clock, List<Sent> out) {
            this(dataSource, clock, out, null);
        }

        /** What the intake does with an accepted message: its tracking row and what the loan feature records of it. */
        String accept(KommunMessage message) {
            String hubReference = UUID.randomUUID().toString();
            var tracked = new TrackedMessage(hubReference, message.kommunCode(), message.messageId(),
                    message.type().name(), "KN-1480", TrackingStatus.ACCEPTED, "{}", message.sentAt());
            assertThat(tracking.recordIfAbsent(tracked, null, () -> {
                origins.accepted(message, hubReference, message.sentAt());
                followUps.accepted(message, hubReference, message.sentAt());
            })).isTrue();
            return hubReference;
        }

        void delivered(String order, String... devices) throws Exception {
            events.record(JSON.writeValueAsString(SupplierEvent.orderStatus(UUID.randomUUID().toString(), order,
                    "S-1", SupplierOrderStatus.DELIVERED, List.of(devices), null, DELIVERED)));
        }
    }

    private static OrderMessage order(String decision, LocalDate followUp, LocalDate validTo, String article) {
        return new OrderMessage(MessageType.ORDER, "o-" + UUID.randomUUID(), "1480", SENT, null, "KN-1480",
                "BN-1480", new Decision(decision, OrderProcess.AUTHORITY, LocalDate.of(2026, 11, 20), validTo,
                        followUp),
                new Recipient("19121212-1212", "Fiktiv Person", IdentityProtection.NONE, null), null, true, true,
                List.of(new OrderLine(article, 2)), null);
    }

    private static FollowUpDoneMessage followUpDone(String decision, LocalDate next, LocalDate validTo,
            OffsetDateTime sentAt) {
        return new FollowUpDoneMessage(MessageType.FOLLOW_UP_DONE, "f-" + UUID.randomUUID(), "1480", sentAt,
                new Orderer("at-4711", "Fiktiva Arbetsterapeut", "ARBETSTERAPEUT", null, null), decision, null,
                next, validTo);
    }

    private static String device() {
        return "IND-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The reminders sent about one order (the database is shared by this class's tests). */
    private static List<Sent> about(List<Sent> out, String order) {
        synchronized (out) {
            return out.stream().filter(sent -> sent.event().hubReference().equals(order)).toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void eachReminderIsSentOnceWhenItComesDueAndNotAgainOnARerunOrAfterARestart(TestDatabase db) throws Exception {
        var clock = clockOn(FOLLOW_UP.minusDays(1));
        List<Sent> out = Collections.synchronizedList(new ArrayList<>());
        Hub hub = new Hub(db.dataSource(), clock, out);
        String first = device();
        String second = device();
        String order = hub.accept(order("BES-R1", FOLLOW_UP, VALID_TO, "HMN-10001"));
        hub.delivered(order, first, second);

        hub.job.run();
        assertThat(about(out, order)).as("the day before the follow-up").isEmpty();

        clock.set(at(FOLLOW_UP));
        hub.job.run();
        hub.job.run();
        // a restart: a new hub on the same database, a day later
        clock.set(at(FOLLOW_UP.plusDays(1)));
        Hub restarted = new Hub(db.dataSource(), clock, out);
        restarted.job.run();

        assertThat(about(out, order)).singleElement().satisfies(sent -> {
            assertThat(sent.event().kommunCode()).isEqualTo("1480");
            assertThat(sent.event().eventType()).isEqualTo("FOLLOW_UP_DUE");
            assertThat(sent.event().correlationId()).isEqualTo(order);
            assertThat(sent.reminder().type()).isEqualTo("FOLLOW_UP_DUE");
            assertThat(sent.reminder().decisionReference()).isEqualTo("BES-R1");
            assertThat(sent.reminder().deviceIds()).containsExactlyInAnyOrder(first, second);
            assertThat(sent.reminder().dueDate()).isEqualTo(FOLLOW_UP);
            assertThat(sent.reminder().at().toLocalDate()).isEqualTo(FOLLOW_UP);
        });

        clock.set(at(VALID_TO));
        restarted.job.run();
        assertThat(about(out, order)).as("on the decision's last day it has not ended yet").hasSize(1);
        clock.set(at(VALID_TO.plusDays(1)));
        restarted.job.run();
        new Hub(db.dataSource(), clock, out).job.run();

        assertThat(about(out, order)).extracting(sent -> sent.reminder().type(), sent -> sent.reminder().dueDate())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FOLLOW_UP_DUE", FOLLOW_UP),
                        org.assertj.core.groups.Tuple.tuple("RETURN_DUE", VALID_TO));
        assertThat(hub.reminders.recent(1000)).filteredOn(r -> r.hubReference().equals(order))
                .hasSize(2).allSatisfy(r -> assertThat(r.sentAt()).isNotNull());
        // what goes on .out is what the published schema says, and nothing more
        for (Sent sent : about(out, order)) {
            String definition = sent.reminder().type().equals("FOLLOW_UP_DUE") ? "followUpDue" : "returnDue";
            var published = com.networknt.schema.JsonSchemaFactory.getInstance(
                    com.networknt.schema.SpecVersion.VersionFlag.V202012).getSchema(
                    com.networknt.schema.SchemaLocation.of("classpath:schema/kommun-message.schema.json#/$defs/"
                            + definition),
                    com.networknt.schema.SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            assertThat(published.validate(JSON.valueToTree(sent.reminder()))).as(definition).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoHubsRunningTheJobAtTheSameMomentSendEachReminderOnce(TestDatabase db) throws Exception {
        LocalDate due = LocalDate.of(2030, 3, 3);
        var clock = clockOn(due.minusDays(1));
        List<Sent> out = Collections.synchronizedList(new ArrayList<>());
        Hub one = new Hub(db.dataSource(), clock, out);
        Hub two = new Hub(db.dataSource(), clock, out);
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String order = one.accept(order("BES-T" + i, due, null, "HMN-10001"));
            one.delivered(order, device());
            orders.add(order);
        }
        clock.set(at(due));

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                // the decision alone, without the lease, at the same moment: the unique key lets one hub win
                CyclicBarrier deciding = new CyclicBarrier(2);
                OffsetDateTime now = OffsetDateTime.now(clock);
                var decideOne = CompletableFuture.supplyAsync(() -> decideAfter(deciding, one.reminders, due, now),
                        threads);
                var decideTwo = CompletableFuture.supplyAsync(() -> decideAfter(deciding, two.reminders, due, now),
                        threads);
                decideOne.get(120, TimeUnit.SECONDS);
                decideTwo.get(120, TimeUnit.SECONDS);
                // then the jobs at the same moment, each under its own lease holder
                CyclicBarrier together = new CyclicBarrier(2);
                var first = CompletableFuture.supplyAsync(() -> runAfter(together, one.job), threads);
                var second = CompletableFuture.supplyAsync(() -> runAfter(together, two.job), threads);
                first.get(120, TimeUnit.SECONDS);
                second.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        for (String order : orders) {
            assertThat(about(out, order)).as(order).singleElement()
                    .satisfies(sent -> assertThat(sent.reminder().dueDate()).isEqualTo(due));
            assertThat(one.reminders.recent(1000)).filteredOn(r -> r.hubReference().equals(order)).hasSize(1);
        }
    }

    private static LoanReminderJob.Run runAfter(CyclicBarrier together, LoanReminderJob job) {
        try {
            together.await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return job.run();
    }

    private static int decideAfter(CyclicBarrier together, LoanReminders reminders, LocalDate day,
            OffsetDateTime now) {
        try {
            together.await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return reminders.decide(day, now);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aReminderSentButNotRecordedBeforeACrashIsSentAgainUnderTheSameBrokerDuplicateId(TestDatabase db)
            throws Exception {
        LocalDate due = LocalDate.of(2031, 5, 5);
        var clock = clockOn(due);
        List<Sent> out = Collections.synchronizedList(new ArrayList<>());
        Hub hub = new Hub(db.dataSource(), clock, out);
        String order = hub.accept(order("BES-C", due, null, "HMN-10001"));
        hub.delivered(order, device());
        // a hub that dies right after the send, before recording it
        var jdbc = new JdbcTemplate(db.dataSource());
        var dying = new LoanReminderJob(hub.reminders, new JobLease(jdbc, LoanReminderConfiguration.LEASE, "dying"),
                (event, id) -> {
                    out.add(new Sent(event, id));
                    throw new IllegalStateException("the hub died here");
                }, clock, Duration.ofMinutes(10), 500);

        try {
            dying.run();
        } catch (IllegalStateException died) {
            assertThat(died).hasMessage("the hub died here");
        }
        assertThat(hub.reminders.recent(1000)).filteredOn(r -> r.hubReference().equals(order)).singleElement()
                .satisfies(r -> assertThat(r.sentAt()).as("not recorded as sent").isNull());
        hub.job.run();
        hub.job.run();

        List<Sent> sends = about(out, order);
        assertThat(sends).hasSize(2);
        assertThat(sends.get(1).brokerDuplicateId()).as("the broker drops the second copy")
                .isEqualTo(sends.get(0).brokerDuplicateId()).startsWith("loan-reminder:");
        assertThat(hub.reminders.recent(1000)).filteredOn(r -> r.hubReference().equals(order)).singleElement()
                .satisfies(r -> assertThat(r.sentAt()).isNotNull());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFollowUpDoneMovesTheNextFollowUpAndTheEndSoTheRemindersComeAtTheNewDatesNotBefore(TestDatabase db)
            throws Exception {
        var clock = clockOn(FOLLOW_UP);
        List<Sent> out = Collections.synchronizedList(new ArrayList<>());
        Hub hub = new Hub(db.dataSource(), clock, out);
        String decision = "BES-D-" + UUID.randomUUID();
        String order = hub.accept(order(decision, FOLLOW_UP, VALID_TO, "HMN-10001"));
        String first = device();
        String second = device();
        hub.delivered(order, first, second);
        hub.job.run();
        assertThat(about(out, order)).hasSize(1);

        LocalDate next = FOLLOW_UP.plusYears(1);
        LocalDate renewedTo = VALID_TO.plusYears(2);
        hub.accept(followUpDone(decision, next, renewedTo, OffsetDateTime.parse("2027-11-22T09:00:00+01:00")));

        assertThat(hub.register.find(new LoanQuery("1480", null, null, decision, null))).hasSize(2)
                .allSatisfy(loan -> {
                    assertThat(loan.followUpDate()).isEqualTo(next);
                    assertThat(loan.validTo()).isEqualTo(renewedTo);
                });
        clock.set(at(next.minusDays(1)));
        hub.job.run();
        assertThat(about(out, order)).as("before the new date").hasSize(1);
        clock.set(at(next));
        hub.job.run();
        clock.set(at(VALID_TO.plusDays(1)));
        hub.job.run();
        assertThat(about(out, order)).as("the old end date passed: the decision was renewed").hasSize(2);
        clock.set(at(renewedTo.plusDays(1)));
        hub.job.run();
        hub.job.run();

        assertThat(about(out, order)).extracting(sent -> sent.reminder().type(), sent -> sent.reminder().dueDate())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FOLLOW_UP_DUE", FOLLOW_UP),
                        org.assertj.core.groups.Tuple.tuple("FOLLOW_UP_DUE", next),
                        org.assertj.core.groups.Tuple.tuple("RETURN_DUE", renewedTo));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anOrderWithoutAFollowUpDateIsFollowedUpAfterItsProductAreasIntervalInTheRegistry(TestDatabase db)
            throws Exception {
        // the demo registry: LARM (HMN-30001) every 6 months, KOGNITION (HMN-10001) not set, so 12
        var registry = new RegistrySource(Path.of("../config/registry.yaml"), new RegistryLoader());
        LocalDate deliveredOn = DELIVERED.toLocalDate();
        var clock = clockOn(deliveredOn);
        List<Sent> out = Collections.synchronizedList(new ArrayList<>());
        Hub hub = new Hub(db.dataSource(), clock, out, registry);
        String alarm = hub.accept(order("BES-I1", null, null, "HMN-30001"));
        String planner = hub.accept(order("BES-I2", null, null, "HMN-10001"));
        hub.delivered(alarm, device());
        hub.delivered(planner, device());

        assertThat(hub.register.find(new LoanQuery("1480", null, null, "BES-I1", null))).singleElement()
                .satisfies(loan -> assertThat(loan.followUpDate()).isEqualTo(deliveredOn.plusMonths(6)));
        assertThat(hub.register.find(new LoanQuery("1480", null, null, "BES-I2", null))).singleElement()
                .satisfies(loan -> assertThat(loan.followUpDate()).isEqualTo(deliveredOn.plusMonths(12)));
        clock.set(at(deliveredOn.plusMonths(6).minusDays(1)));
        hub.job.run();
        assertThat(about(out, alarm)).isEmpty();
        clock.set(at(deliveredOn.plusMonths(6)));
        hub.job.run();
        assertThat(about(out, alarm)).singleElement()
                .satisfies(sent -> assertThat(sent.reminder().dueDate()).isEqualTo(deliveredOn.plusMonths(6)));
        assertThat(about(out, planner)).isEmpty();
        clock.set(at(deliveredOn.plusMonths(12)));
        hub.job.run();
        assertThat(about(out, planner)).singleElement()
                .satisfies(sent -> assertThat(sent.reminder().dueDate()).isEqualTo(deliveredOn.plusMonths(12)));
    }
}
