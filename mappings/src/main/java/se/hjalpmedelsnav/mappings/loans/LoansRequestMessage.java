package se.hjalpmedelsnav.mappings.loans;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.stream.Stream;
import se.hjalpmedelsnav.mappings.message.CustomerAccountMessage;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.order.Orderer;

/**
 * A LOANS_REQUEST: which devices are lent on the municipality's orders to one user, under one decision or one
 * device. Exactly one of the three keys is given ({@link se.hjalpmedelsnav.mappings.loans.rules.OneLoanKey}).
 * Read through {@link CustomerAccountMessage} by the rules on customer numbers and private contractors; it is
 * placed on no payer number.
 *
 * @param customerNumber         narrows the answer to that customer number, or null
 * @param personalIdentityNumber the user's, or null; never kept by the hub
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoansRequestMessage(
        MessageType type,
        String messageId,
        String kommunCode,
        OffsetDateTime sentAt,
        Orderer orderer,
        String customerNumber,
        String personalIdentityNumber,
        String decisionReference,
        String deviceId) implements CustomerAccountMessage {

    @Override
    public String payerNumber() {
        return null;
    }

    /** How many of the three keys are given. */
    public long keysGiven() {
        return Stream.of(personalIdentityNumber, decisionReference, deviceId).filter(key -> key != null).count();
    }

    @Override
    public String toString() {
        // The identity number is the point of the question: never in a log line.
        return "LoansRequestMessage[messageId=" + messageId + ", kommunCode=" + kommunCode + ", byPerson="
                + (personalIdentityNumber != null) + ", byDecision=" + (decisionReference != null) + ", byDevice="
                + (deviceId != null) + "]";
    }
}
