package se.hjalpmedelsnav.hub.intake;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.KommunMessage;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.message.ParseResult;
import se.hjalpmedelsnav.mappings.message.Receipt;

/**
 * One message from a municipality on its way through the intake: what was read, what the rules
 * found, and the receipt it gets. Immutable; each step returns a new one.
 *
 * @param queueKommunCode the municipality whose {@code .in} queue it came on (the sender's identity)
 * @param transportId     the sender's correlation id, else the broker's message id: what a receipt is
 *                        correlated with when no messageId was readable
 * @param notices         information for the receipt that is not an error
 * @param duplicate       the messageId was seen before; {@code receipt} is then the original one
 * @param forwardAgain    a duplicate of an accepted message the supplier has not taken yet: its first
 *                        hand-off may have died with the hub after the receipt was recorded, so it is
 *                        handed on again (the delivery stage and the supplier's idempotency key make a
 *                        second copy harmless)
 */
public record Intake(String queueKommunCode, String transportId, String hubReference, OffsetDateTime receivedAt,
        ParseResult parsed, List<ContractError> errors, List<String> notices, Receipt receipt, boolean duplicate,
        boolean forwardAgain) {

    public KommunMessage message() {
        return parsed instanceof ParseResult.Parsed p ? p.message() : null;
    }

    public String messageId() {
        if (parsed instanceof ParseResult.Parsed p) {
            return p.message().messageId();
        }
        return ((ParseResult.Rejected) parsed).messageId();
    }

    /** What the receipt is correlated with: the messageId, or the broker's id of a message too broken to have one. */
    public String correlationId() {
        return messageId() != null ? messageId() : transportId;
    }

    public boolean accepted() {
        return receipt != null && receipt.isAccepted();
    }

    /**
     * What goes on to the supplier: an accepted message, once, and again only when its first hand-off is in doubt;
     * never what the hub answers itself (a LOANS_REQUEST, a FOLLOW_UP_DONE).
     */
    public boolean toForward() {
        return accepted() && message() != null && !HUB_ANSWERS.contains(message().type())
                && (!duplicate || forwardAgain);
    }

    /** The messages the hub answers itself: nothing of them goes to the supplier. */
    private static final java.util.Set<MessageType> HUB_ANSWERS =
            java.util.EnumSet.of(MessageType.LOANS_REQUEST, MessageType.FOLLOW_UP_DONE);

    public Intake withErrors(List<ContractError> more) {
        var all = new ArrayList<>(errors);
        all.addAll(more);
        return new Intake(queueKommunCode, transportId, hubReference, receivedAt, parsed, List.copyOf(all), notices,
                receipt, duplicate, forwardAgain);
    }

    public Intake withReceipt(Receipt newReceipt) {
        return new Intake(queueKommunCode, transportId, hubReference, receivedAt, parsed, errors, notices,
                newReceipt, duplicate, forwardAgain);
    }

    public Intake withNotice(String notice) {
        var all = new ArrayList<>(notices);
        all.add(notice);
        return new Intake(queueKommunCode, transportId, hubReference, receivedAt, parsed, errors, List.copyOf(all),
                receipt, duplicate, forwardAgain);
    }

    /**
     * The broker's redelivery of the message this receipt was recorded for, by a hub that died before
     * the receipt went out: the original receipt, not flagged, and no second record.
     */
    public Intake asRedeliveryOf(Receipt original, boolean notYetWithTheSupplier) {
        return new Intake(queueKommunCode, transportId, original.hubReference(), receivedAt, parsed, errors, notices,
                original, true, notYetWithTheSupplier && original.isAccepted());
    }

    public Intake asDuplicateOf(Receipt original, boolean notYetWithTheSupplier) {
        return new Intake(queueKommunCode, transportId, original.hubReference(), receivedAt, parsed, errors, notices,
                original.asDuplicate(), true, notYetWithTheSupplier && original.isAccepted());
    }
}
