package se.hjalpmedelsnav.hub.retention;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import se.hjalpmedelsnav.broker.MessageProperties;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.hub.tracking.TestDatabases;
import se.hjalpmedelsnav.hub.tracking.TestDatabases.TestDatabase;

/**
 * Parked messages past their periods, on the hub's embedded broker and a real database: the alert well before,
 * then the move to the expiry queue with the reason kept and the body gone, each step in the audit trail. The
 * purge's clock is moved past the periods; the broker's times are real. Runs are hours apart: after a run, the
 * lease rests for half the interval.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionDeadLettersTest {

    /** A fictional user's order as it would be parked: the body is where the personal data is. */
    static final String ORDER_BODY = "{\"type\":\"ORDER\",\"recipient\":{\"personalIdentityNumber\":\"196308159877\","
            + "\"name\":\"Sigvard Skyddsson\"},\"delivery\":{\"address\":\"Lönnvägen 42\"}}";

    private final RetentionFixture.Broker broker;
    private final List<TestDatabase> databases = new ArrayList<>();
    private final ListAppender<ILoggingEvent> alerts = new ListAppender<>();

    RetentionDeadLettersTest() throws Exception {
        broker = new RetentionFixture.Broker();
    }

    List<String> databases() {
        return System.getProperty(TestDatabases.POSTGRES_URL, "").isBlank() ? List.of("H2") : List.of("H2", "PostgreSQL");
    }

    private TestDatabase fresh(String kind) {
        TestDatabase db = kind.equals("H2") ? TestDatabases.h2()
                : TestDatabases.postgres(System.getProperty(TestDatabases.POSTGRES_URL));
        databases.add(db);
        return db;
    }

    @BeforeEach
    void emptyQueuesAndListen() throws Exception {
        for (String queue : List.of(Queues.DLQ_ORDER_TO_SUPPLIER, Queues.DLQ_KOMMUN_INTAKE, Queues.EXPIRED_DEAD_LETTERS)) {
            broker.broker().server().locateQueue(SimpleString.of(queue)).deleteAllReferences();
        }
        alerts.list.clear();
        alerts.start();
        ((Logger) LoggerFactory.getLogger(ParkedMessageRetention.ALERT_LOGGER)).addAppender(alerts);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(ParkedMessageRetention.ALERT_LOGGER)).detachAppender(alerts);
    }

    @AfterAll
    void close() throws Exception {
        databases.forEach(db -> db.drop().run());
        broker.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aParkedMessageRaisesTheAlertFirstAndExpiresWithoutItsBodyAfterTheLongerPeriod(String kind) throws Exception {
        TestDatabase db = fresh(kind);
        var policy = RetentionFixture.policy();
        var meters = new SimpleMeterRegistry();
        String hubReference = UUID.randomUUID().toString();
        String jmsMessageId = broker.park(Queues.DLQ_ORDER_TO_SUPPLIER, Queues.ORDER_TO_SUPPLIER, ORDER_BODY,
                hubReference);
        Instant parkedAt = Instant.ofEpochMilli(broker.browse(Queues.DLQ_ORDER_TO_SUPPLIER).get(0).getJMSTimestamp());
        var clock = new RetentionFixture.MovableClock(parkedAt);
        RetentionPurge purge = RetentionFixture.purge(policy, db.dataSource(), broker.connectionFactory(), clock,
                meters, "hub-a", null);
        var audit = new RetentionAudit(new JdbcTemplate(db.dataSource()));
        Duration alertAfter = policy.deadLetters().alertAfter();
        Duration expireAfter = policy.deadLetters().expireAfter();

        clock.set(parkedAt.plus(alertAfter).minus(Duration.ofHours(1)));
        purge.run();
        assertThat(audit.steps(null, 10)).as("younger than the alert period").isEmpty();
        assertThat(overdue(meters)).isZero();

        clock.set(parkedAt.plus(alertAfter).plus(Duration.ofHours(1)));
        purge.run();
        assertThat(audit.steps(null, 10)).extracting(RetentionAudit.Step::action).containsExactly(RetentionAudit.ALERTED);
        assertThat(overdue(meters)).isEqualTo(1);
        assertThat(alerts.list).singleElement().satisfies(event -> {
            String alert = event.getFormattedMessage();
            assertThat(alert).contains(Queues.DLQ_ORDER_TO_SUPPLIER, "holds 1 message(s)", "1 newly alerted");
            // Compared without printing: a failure must not write the (fictional) person into the test output.
            assertThat(Stream.of("Skyddsson", "196308159877", "Lönnvägen").anyMatch(alert::contains))
                    .as("the alert names no one").isFalse();
        });

        clock.set(parkedAt.plus(expireAfter).minus(Duration.ofHours(1)));
        purge.run();
        assertThat(broker.browse(Queues.DLQ_ORDER_TO_SUPPLIER)).as("still parked before the expiry").hasSize(1);
        assertThat(audit.steps(null, 10)).as("alerted once only").hasSize(1);

        clock.set(parkedAt.plus(expireAfter).plus(Duration.ofHours(1)));
        RetentionAudit.Run run = purge.run();

        assertThat(run.removed()).containsEntry("dead_letters", 1);
        assertThat(broker.browse(Queues.DLQ_ORDER_TO_SUPPLIER)).isEmpty();
        assertThat(overdue(meters)).isZero();
        List<Message> expired = broker.browse(Queues.EXPIRED_DEAD_LETTERS);
        assertThat(expired).singleElement().satisfies(message -> {
            assertThat(message).isNotInstanceOf(TextMessage.class);
            assertThat(message.getStringProperty(MessageProperties.FAILURE_REASON)).contains("503");
            assertThat(message.getStringProperty(MessageProperties.FAILED_STAGE)).isEqualTo("supplier-api-order-deliver");
            assertThat(message.getStringProperty("navOriginQueue")).isEqualTo(Queues.ORDER_TO_SUPPLIER);
            assertThat(message.getStringProperty("navExpiredFrom")).isEqualTo(Queues.DLQ_ORDER_TO_SUPPLIER);
            assertThat(message.getStringProperty(MessageProperties.HUB_REFERENCE)).isEqualTo(hubReference);
            assertThat(message.getBooleanProperty("navBodyRemoved")).isTrue();
            assertThat(message.propertyExists(MessageProperties.ORIGINAL_ADDRESS))
                    .as("no console retry puts a message without its body back on a stage").isFalse();
        });
        assertThat(audit.steps(hubReference, 10)).extracting(RetentionAudit.Step::action)
                .containsExactly(RetentionAudit.EXPIRED, RetentionAudit.ALERTED);
        assertThat(audit.steps(hubReference, 10).get(0)).satisfies(step -> {
            assertThat(step.jmsMessageId()).isEqualTo(jmsMessageId);
            assertThat(step.targetQueue()).isEqualTo(Queues.EXPIRED_DEAD_LETTERS);
            assertThat(step.bodyKept()).isFalse();
            assertThat(step.originQueue()).isEqualTo(Queues.ORDER_TO_SUPPLIER);
            assertThat(step.failedStage()).isEqualTo("supplier-api-order-deliver");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aMessageFirstSeenPastItsExpiryIsAlertedAndGetsTheFullNoticeBeforeItMoves(String kind) throws Exception {
        TestDatabase db = fresh(kind);
        var policy = RetentionFixture.policy();
        broker.park(Queues.DLQ_ORDER_TO_SUPPLIER, Queues.ORDER_TO_SUPPLIER, ORDER_BODY, UUID.randomUUID().toString());
        Instant parkedAt = Instant.ofEpochMilli(broker.browse(Queues.DLQ_ORDER_TO_SUPPLIER).get(0).getJMSTimestamp());
        // The hub was down for weeks: the first look is long past the expiry.
        Instant firstLook = parkedAt.plus(policy.deadLetters().expireAfter()).plus(Duration.ofDays(10));
        var clock = new RetentionFixture.MovableClock(firstLook);
        RetentionPurge purge = RetentionFixture.purge(policy, db.dataSource(), broker.connectionFactory(), clock);

        purge.run();
        assertThat(broker.browse(Queues.DLQ_ORDER_TO_SUPPLIER)).as("alerted, not moved").hasSize(1);

        Duration notice = policy.deadLetters().expireAfter().minus(policy.deadLetters().alertAfter());
        clock.set(firstLook.plus(notice).minus(Duration.ofHours(1)));
        purge.run();
        assertThat(broker.browse(Queues.DLQ_ORDER_TO_SUPPLIER)).hasSize(1);

        clock.set(firstLook.plus(notice).plus(Duration.ofHours(1)));
        purge.run();
        assertThat(broker.browse(Queues.DLQ_ORDER_TO_SUPPLIER)).isEmpty();
        assertThat(broker.browse(Queues.EXPIRED_DEAD_LETTERS)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theBodyIsKeptWhenSoConfigured(String kind) throws Exception {
        TestDatabase db = fresh(kind);
        var policy = RetentionFixture.policy(Map.of("nav.retention.dead-letters.keep-body", "true"));
        broker.park(Queues.DLQ_KOMMUN_INTAKE, "nav.kommun.1480.in", ORDER_BODY, UUID.randomUUID().toString());
        Instant parkedAt = Instant.ofEpochMilli(broker.browse(Queues.DLQ_KOMMUN_INTAKE).get(0).getJMSTimestamp());
        var clock = new RetentionFixture.MovableClock(parkedAt.plus(policy.deadLetters().alertAfter()).plusSeconds(1));
        RetentionPurge purge = RetentionFixture.purge(policy, db.dataSource(), broker.connectionFactory(), clock);
        purge.run();
        clock.set(parkedAt.plus(policy.deadLetters().expireAfter()).plusSeconds(1));

        purge.run();

        assertThat(broker.browse(Queues.EXPIRED_DEAD_LETTERS)).singleElement().satisfies(message -> {
            assertThat(ORDER_BODY.equals(((TextMessage) message).getText())).as("the body, kept as it was").isTrue();
            assertThat(message.getBooleanProperty("navBodyRemoved")).isFalse();
            assertThat(message.getStringProperty("navOriginQueue")).isEqualTo("nav.kommun.1480.in");
            assertThat(message.getBooleanProperty(MessageProperties.PROTECTED))
                    .as("an original the hub may not have read: the console hides its body").isTrue();
        });
    }

    @org.junit.jupiter.api.Test
    void theEmbeddedBrokerCreatesTheExpiryQueue() {
        assertThat(broker.broker().server().locateQueue(SimpleString.of(Queues.EXPIRED_DEAD_LETTERS))).isNotNull();
        assertThat(Queues.hubQueues()).contains(Queues.EXPIRED_DEAD_LETTERS);
        assertThat(Queues.deadLetterQueues()).as("nothing is replayed from it").doesNotContain(Queues.EXPIRED_DEAD_LETTERS);
    }

    private static double overdue(SimpleMeterRegistry meters) {
        return meters.get("nav.retention.dead.letters.overdue").tag("queue", Queues.DLQ_ORDER_TO_SUPPLIER).gauge().value();
    }
}
