package se.hjalpmedelsnav.hub.intake;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.KommunMessage;
import se.hjalpmedelsnav.mappings.message.ParseResult;
import se.hjalpmedelsnav.mappings.message.Receipt;

/**
 * One message from a municipality on its way through the intake: what was read, what the rules
 * found, and the receipt it gets. Immutable; each step returns a new one.
 *
 * @param queueKommunCode the municipality whose {@code .in} queue it came on (the sender's identity)
 * @param transportId     the sender's correlation id, else the broker's message id: what a receipt is
 *                        correlated with when no messageId was readable
 * @param duplicate       the messageId was seen before; {@code receipt} is then the original one
 */
public record Intake(String queueKommunCode, String transportId, String hubReference, OffsetDateTime receivedAt,
        ParseResult parsed, List<ContractError> errors, Receipt receipt, boolean duplicate) {

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

    /** Accepted now, not answered from the tracking store: only this goes on to the supplier. */
    public boolean toForward() {
        return accepted() && !duplicate;
    }

    public Intake withErrors(List<ContractError> more) {
        var all = new ArrayList<>(errors);
        all.addAll(more);
        return new Intake(queueKommunCode, transportId, hubReference, receivedAt, parsed, List.copyOf(all), receipt,
                duplicate);
    }

    public Intake withReceipt(Receipt newReceipt) {
        return new Intake(queueKommunCode, transportId, hubReference, receivedAt, parsed, errors, newReceipt,
                duplicate);
    }

    public Intake asDuplicateOf(Receipt original) {
        return new Intake(queueKommunCode, transportId, original.hubReference(), receivedAt, parsed, errors,
                original.asDuplicate(), true);
    }
}
