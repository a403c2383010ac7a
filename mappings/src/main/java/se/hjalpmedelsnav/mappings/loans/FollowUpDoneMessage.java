package se.hjalpmedelsnav.mappings.loans;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import se.hjalpmedelsnav.mappings.message.KommunMessage;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.order.Orderer;

/**
 * A FOLLOW_UP_DONE: the answer to a FOLLOW_UP_DUE (or a RETURN_DUE of a renewed decision). The need behind the loans
 * under {@code decisionReference} was followed up and continues until {@code nextFollowUpDate}; the hub moves the
 * loans' follow-up date (and their end date when {@code validTo} is given). It names no user and is placed on no
 * customer number: the decision is one of the municipality's loans or the message is refused
 * ({@link se.hjalpmedelsnav.mappings.loans.rules.FollowUpOfLentLoans}).
 *
 * @param deviceIds the devices the follow-up covers; null for every device lent under the decision
 * @param validTo   the renewed decision's last day, or null when it did not change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FollowUpDoneMessage(
        MessageType type,
        String messageId,
        String kommunCode,
        OffsetDateTime sentAt,
        Orderer orderer,
        String decisionReference,
        List<String> deviceIds,
        LocalDate nextFollowUpDate,
        LocalDate validTo) implements KommunMessage {

    public FollowUpDoneMessage {
        deviceIds = deviceIds == null ? null : List.copyOf(deviceIds);
    }

    @Override
    public String toString() {
        return "FollowUpDoneMessage[messageId=" + messageId + ", kommunCode=" + kommunCode + ", devices="
                + (deviceIds == null ? "all" : String.valueOf(deviceIds.size())) + "]";
    }
}
