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
import se.hjalpmedelsnav.mappings.buffer.BufferStoreOrders;
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
        var issuer = new ReceiptIssuer(new TrackingStore(new JdbcTemplate(db.dataSource())), refills(), java.util.List.of());
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void recordsABufferWithdrawalsRefillWithItAndNamesItInTheReceiptAlsoOnARedelivery(TestDatabase db)
            throws Exception {
        TrackingStore tracking = new TrackingStore(new JdbcTemplate(db.dataSource()));
        var issuer = new ReceiptIssuer(tracking, refills(), java.util.List.of());
        String messageId = TestOrders.newMessageId();
        String brokerId = "ID:" + UUID.randomUUID();
        Intake withdrawal = intake(messageId,
                TestOrders.bufferWithdrawal(messageId, "IND-BW-1", "BESLUT-BW-1").toString());

        Intake first = issuer.issue(issuer.findOriginal(withdrawal, brokerId, false), brokerId);

        String refill = first.receipt().refillReference();
        assertThat(refill).isEqualTo(BufferStoreOrders.refillReference(first.hubReference()));
        var tracked = tracking.find("1480", "refill/" + messageId).orElseThrow();
        assertThat(tracked.hubReference()).isEqualTo(refill);
        assertThat(tracked.messageType()).isEqualTo("ORDER");
        assertThat(tracked.customerNumber()).isEqualTo("KN-1480-001");
        // The broker's redelivery and a resend read the refill from the original receipt: the same reference.
        assertThat(issuer.findOriginal(intake(messageId, TestOrders.bufferWithdrawal(messageId, "IND-BW-1",
                "BESLUT-BW-1").toString()), brokerId, false).receipt().refillReference()).isEqualTo(refill);
        // A second record of the same messageId records nothing, the refill neither.
        assertThat(tracking.recordIfAbsent(new se.hjalpmedelsnav.hub.tracking.TrackedMessage(UUID.randomUUID().toString(),
                "1480", messageId, "BUFFER_WITHDRAWAL", "KN-1480-001",
                se.hjalpmedelsnav.hub.tracking.TrackingStatus.ACCEPTED, "{}", OffsetDateTime.now()), null,
                () -> tracking.recordIfAbsent(new se.hjalpmedelsnav.hub.tracking.TrackedMessage(UUID.randomUUID().toString(),
                        "1480", "refill/other-" + messageId, "ORDER", "KN-1480-001",
                        se.hjalpmedelsnav.hub.tracking.TrackingStatus.ACCEPTED, "{}", OffsetDateTime.now())))).isFalse();
        assertThat(tracking.find("1480", "refill/other-" + messageId)).isEmpty();
    }

    /** The refills as the demo registry decides them (Göteborg's first customer number refills its store). */
    private static BufferStoreRefills refills() throws Exception {
        return new BufferStoreRefills(new se.hjalpmedelsnav.mappings.registry.RegistrySource(
                java.nio.file.Path.of("../config/registry.yaml"), new se.hjalpmedelsnav.mappings.registry.RegistryLoader()));
    }

    private static Intake intake(String messageId) {
        return intake(messageId, TestOrders.validOrder(messageId).toString());
    }

    private static Intake intake(String messageId, String body) {
        var parsed = PARSER.parse(body.getBytes(StandardCharsets.UTF_8), "application/json");
        return new Intake("1480", messageId, UUID.randomUUID().toString(), OffsetDateTime.now(), parsed, List.of(),
                List.of(), null, false, false);
    }
}
