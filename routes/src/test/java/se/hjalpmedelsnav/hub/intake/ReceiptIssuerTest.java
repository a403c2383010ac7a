package se.hjalpmedelsnav.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import se.hjalpmedelsnav.hub.support.TestOrders;
import se.hjalpmedelsnav.hub.tracking.TestDatabases;
import se.hjalpmedelsnav.hub.tracking.TestDatabases.TestDatabase;
import se.hjalpmedelsnav.hub.tracking.TrackingStore;
import se.hjalpmedelsnav.mappings.message.KommunMessageParser;
import se.hjalpmedelsnav.mappings.message.ParserLimits;

/**
 * The idempotent consumer tells a municipality's resend from the broker's redelivery of a message
 * whose receipt a dead hub recorded but never sent: the resend is flagged duplicate, the redelivery
 * gets its original receipt unflagged (the municipality sent it once), and neither is recorded twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceiptIssuerTest {

    private static final KommunMessageParser PARSER = new KommunMessageParser(ParserLimits.defaults());
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
    void answersTheBrokersRedeliveryUnflaggedAndAResendAsADuplicate(TestDatabase db) throws Exception {
        var issuer = new ReceiptIssuer(new TrackingStore(new JdbcTemplate(db.dataSource())));
        String messageId = TestOrders.newMessageId();
        String brokerId = "ID:" + UUID.randomUUID();

        Intake first = issuer.issue(issuer.findOriginal(intake(messageId), brokerId, false), brokerId);
        assertThat(first.receipt().isAccepted()).isTrue();
        assertThat(first.duplicate()).isFalse();
        // The hub died before the broker committed: the broker hands the same message (same id) again.
        Intake redelivered = issuer.findOriginal(intake(messageId), brokerId, false);
        assertThat(redelivered.receipt()).isEqualTo(first.receipt());
        assertThat(redelivered.receipt().duplicate()).isFalse();
        assertThat(redelivered.toForward()).as("handed on again: its first hand-off died with the hub").isTrue();
        // The municipality sends it again itself: a new broker message.
        Intake resent = issuer.findOriginal(intake(messageId), "ID:" + UUID.randomUUID(), false);
        assertThat(resent.receipt().duplicate()).isTrue();
        assertThat(resent.receipt().hubReference()).isEqualTo(first.receipt().hubReference());
        // Parked because its receipt could not be sent, then replayed by an operator: a new broker message.
        Intake replayed = issuer.findOriginal(intake(messageId), "ID:" + UUID.randomUUID(), true);
        assertThat(replayed.receipt()).isEqualTo(first.receipt());
        assertThat(replayed.receipt().duplicate()).isFalse();
    }

    private static Intake intake(String messageId) {
        var parsed = PARSER.parse(TestOrders.validOrder(messageId).toString().getBytes(StandardCharsets.UTF_8),
                "application/json");
        return new Intake("1480", messageId, UUID.randomUUID().toString(), OffsetDateTime.now(), parsed, List.of(),
                List.of(), null, false, false);
    }
}
