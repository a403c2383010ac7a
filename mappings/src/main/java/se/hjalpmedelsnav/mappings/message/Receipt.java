package se.hjalpmedelsnav.mappings.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The hub's answer to every message on a municipality's {@code .out} queue, correlated by the
 * message's {@code messageId}.
 *
 * @param inReplyTo    the messageId answered, or null when the body was too broken to read one
 * @param hubReference the hub's id of the message (a UUID); the same on a duplicate's receipt
 * @param notices      information that is not an error (for example that an incident report is due)
 * @param refillReference on an accepted BUFFER_WITHDRAWAL whose store refills automatically: the hub reference
 *                     of the refill order, whose ORDER_STATUS events come under it; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Receipt(
        String type,
        String inReplyTo,
        String hubReference,
        ReceiptStatus status,
        boolean duplicate,
        List<ContractError> errors,
        List<String> notices,
        String refillReference,
        OffsetDateTime at) {

    public static final String TYPE = "RECEIPT";

    public static Receipt accepted(String inReplyTo, String hubReference, OffsetDateTime at) {
        return new Receipt(TYPE, inReplyTo, hubReference, ReceiptStatus.ACCEPTED, false, List.of(), null, null,
                at);
    }

    public static Receipt rejected(String inReplyTo, String hubReference, List<ContractError> errors,
            OffsetDateTime at) {
        return new Receipt(TYPE, inReplyTo, hubReference, ReceiptStatus.REJECTED, false, List.copyOf(errors), null,
                null, at);
    }

    /** The same receipt with these notices (none: unchanged). */
    public Receipt withNotices(List<String> newNotices) {
        return newNotices == null || newNotices.isEmpty()
                ? this
                : new Receipt(type, inReplyTo, hubReference, status, duplicate, errors, List.copyOf(newNotices),
                        refillReference, at);
    }

    /** The original receipt, sent again to a message whose messageId the hub has already seen. */
    public Receipt asDuplicate() {
        return new Receipt(type, inReplyTo, hubReference, status, true, errors, notices, refillReference, at);
    }

    /** The same receipt naming the refill order a buffer withdrawal made (none: unchanged). */
    public Receipt withRefillReference(String reference) {
        return reference == null ? this
                : new Receipt(type, inReplyTo, hubReference, status, duplicate, errors, notices, reference, at);
    }

    public boolean isAccepted() {
        return status == ReceiptStatus.ACCEPTED;
    }
}
