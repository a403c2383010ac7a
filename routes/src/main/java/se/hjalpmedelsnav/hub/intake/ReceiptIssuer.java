package se.hjalpmedelsnav.hub.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ExchangeProperty;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.hub.tracking.TrackedMessage;
import se.hjalpmedelsnav.hub.tracking.TrackingStatus;
import se.hjalpmedelsnav.hub.tracking.TrackingStore;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;
import se.hjalpmedelsnav.mappings.message.Receipt;
import se.hjalpmedelsnav.mappings.message.CustomerAccountMessage;
import se.hjalpmedelsnav.hub.stage.TransportMessageId;

/**
 * Decides a message's receipt and records it: the idempotent consumer on (kommunCode, messageId).
 * A messageId seen before is answered with its original receipt and nothing else happens.
 */
@Component
public class ReceiptIssuer {

    private final TrackingStore tracking;
    private final BufferStoreRefills refills;
    private final ObjectMapper json = KommunMessageMappers.json();

    private final List<AcceptedMessageRecord> alsoRecorded;

    @Autowired
    public ReceiptIssuer(TrackingStore tracking, BufferStoreRefills refills, List<AcceptedMessageRecord> alsoRecorded) {
        this.tracking = tracking;
        this.refills = refills;
        this.alsoRecorded = List.copyOf(alsoRecorded);
    }

    /**
     * The original receipt when this municipality sent this messageId before: flagged duplicate for a
     * resend, unflagged for the broker's redelivery of the very message it was recorded for (a hub that
     * died between recording the receipt and the broker's commit never sent it), and unflagged for a
     * message replayed from the intake's dead-letter queue ({@code replayed}): it was parked because its
     * receipt could not be sent, or before it was.
     */
    public Intake findOriginal(Intake intake, @ExchangeProperty(TransportMessageId.BROKER_ID) String brokerMessageId,
            @ExchangeProperty(TransportMessageId.REPLAYED) Boolean replayed) throws JsonProcessingException {
        if (intake.messageId() == null) {
            return intake;
        }
        var seen = tracking.find(intake.queueKommunCode(), intake.messageId());
        if (seen.isEmpty()) {
            return intake;
        }
        Receipt original = json.readValue(seen.get().receiptJson(), Receipt.class);
        boolean notYetWithTheSupplier = seen.get().status() == TrackingStatus.ACCEPTED;
        boolean redelivered = Boolean.TRUE.equals(replayed) || brokerMessageId != null && tracking.transportMessageId(
                intake.queueKommunCode(), intake.messageId()).map(brokerMessageId::equals).orElse(false);
        return redelivered ? intake.asRedeliveryOf(original, notYetWithTheSupplier)
                : intake.asDuplicateOf(original, notYetWithTheSupplier);
    }

    /**
     * Issues the receipt and records it. Two copies of one message handled at once both get here;
     * the store's unique key lets one win, and the other is rolled back and redelivered, and then
     * answered as a duplicate.
     */
    public Intake issue(Intake intake, @ExchangeProperty(TransportMessageId.BROKER_ID) String brokerMessageId) throws JsonProcessingException {
        Receipt receipt = intake.errors().isEmpty()
                ? Receipt.accepted(intake.messageId(), intake.hubReference(), intake.receivedAt())
                : Receipt.rejected(intake.messageId(), intake.hubReference(), intake.errors(), intake.receivedAt());
        receipt = refills.withRefill(intake, receipt.withNotices(intake.notices()));
        if (intake.messageId() != null) {
            var message = intake.message();
            var tracked = new TrackedMessage(intake.hubReference(), intake.queueKommunCode(), intake.messageId(),
                    message == null ? null : message.type().name(),
                    message instanceof CustomerAccountMessage account ? account.customerNumber() : null,
                    receipt.isAccepted() ? TrackingStatus.ACCEPTED : TrackingStatus.REJECTED,
                    json.writeValueAsString(receipt), intake.receivedAt());
            Receipt issued = receipt;
            List<TrackedMessage> derived = refills.tracked(intake, receipt, tracked.receiptJson());
            Runnable alongside = () -> {
                derived.forEach(tracking::recordIfAbsent);
                if (issued.isAccepted() && message != null) {
                    alsoRecorded.forEach(record -> record.accepted(message, intake.hubReference(), intake.receivedAt()));
                }
            };
            if (!tracking.recordIfAbsent(tracked, brokerMessageId, alongside)) {
                throw new ConcurrentDuplicateException();
            }
        }
        return intake.withReceipt(receipt);
    }

    /** Another copy of the same message was recorded first; rolling back lets the redelivery answer it as a duplicate. */
    public static class ConcurrentDuplicateException extends RuntimeException {
        public ConcurrentDuplicateException() {
            super("the same messageId was recorded concurrently; redelivery answers it as a duplicate");
        }
    }
}
