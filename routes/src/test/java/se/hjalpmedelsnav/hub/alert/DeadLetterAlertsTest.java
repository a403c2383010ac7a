package se.hjalpmedelsnav.hub.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.hub.admin.DeadLetters;
import se.hjalpmedelsnav.hub.admin.ReplayAudit;
import se.hjalpmedelsnav.hub.retention.RetentionFixture;
import se.hjalpmedelsnav.hub.tracking.TestDatabases;

/** DEAD_LETTERS on the hub's real embedded broker: a parked message raises it, the replay that empties the queue clears it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterAlertsTest {

    private final RetentionFixture.Broker broker;
    private final TestDatabases.TestDatabase db = TestDatabases.h2();

    DeadLetterAlertsTest() throws Exception {
        broker = new RetentionFixture.Broker();
    }

    @AfterAll
    void close() throws Exception {
        broker.close();
        db.drop().run();
    }

    @Test
    void aNonEmptyDeadLetterQueueRaisesTheAlertUntilItIsEmpty() throws Exception {
        broker.broker().server().locateQueue(SimpleString.of(Queues.DLQ_ORDER_TO_SUPPLIER)).deleteAllReferences();
        try (var fixture = new AlertFixture("2026-12-07T10:00")) {
            var deadLetters = new DeadLetters(broker.connectionFactory(), new ReplayAudit(new JdbcTemplate(db.dataSource())),
                    new TransactionTemplate(new DataSourceTransactionManager(db.dataSource())), fixture.clock);
            var rule = new DeadLetterAlerts(deadLetters);
            fixture.check(rule);
            assertThat(fixture.subjects(AlertCode.DEAD_LETTERS)).isEmpty();

            String parked = broker.park(Queues.DLQ_ORDER_TO_SUPPLIER, Queues.ORDER_TO_SUPPLIER, "{}",
                    UUID.randomUUID().toString());
            broker.park(Queues.DLQ_ORDER_TO_SUPPLIER, Queues.ORDER_TO_SUPPLIER, "{}", UUID.randomUUID().toString());
            fixture.check(rule);
            assertThat(fixture.subjects(AlertCode.DEAD_LETTERS)).containsExactly(Queues.DLQ_ORDER_TO_SUPPLIER);
            assertThat(fixture.gauge(AlertCode.DEAD_LETTERS, Queues.DLQ_ORDER_TO_SUPPLIER)).isEqualTo(2.0);
            assertThat(fixture.lines()).containsExactly("WARN Alert DEAD_LETTERS raised for queue "
                    + Queues.DLQ_ORDER_TO_SUPPLIER + ": 2 message(s) parked");

            deadLetters.replay(Queues.DLQ_ORDER_TO_SUPPLIER, Optional.of(parked), 1, "admin", "test");
            fixture.check(rule);
            assertThat(fixture.gauge(AlertCode.DEAD_LETTERS, Queues.DLQ_ORDER_TO_SUPPLIER)).isEqualTo(1.0);
            assertThat(fixture.lines()).hasSize(1);

            deadLetters.replay(Queues.DLQ_ORDER_TO_SUPPLIER, Optional.empty(), 10, "admin", "test");
            fixture.check(rule);
            assertThat(fixture.subjects(AlertCode.DEAD_LETTERS)).isEmpty();
            assertThat(fixture.gauge(AlertCode.DEAD_LETTERS, Queues.DLQ_ORDER_TO_SUPPLIER)).isNull();
            assertThat(fixture.active(AlertCode.DEAD_LETTERS)).isZero();
            assertThat(fixture.lines()).last().asString()
                    .startsWith("INFO Alert DEAD_LETTERS cleared for queue " + Queues.DLQ_ORDER_TO_SUPPLIER);
        }
    }
}
