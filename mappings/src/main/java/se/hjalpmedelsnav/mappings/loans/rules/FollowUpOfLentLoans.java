package se.hjalpmedelsnav.mappings.loans.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import se.hjalpmedelsnav.mappings.loans.FollowUpDoneMessage;
import se.hjalpmedelsnav.mappings.loans.LentLoans;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.rules.MessageRule;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * A FOLLOW_UP_DONE follows up one of the sender's loans: a device must be lent under the decision on the orders of
 * the municipality whose queue it came on, and every device it names must be one of them. Another municipality's
 * decision reads as unknown, so the answer tells nothing of it. The contract has no code of its own for this: it is
 * {@link ErrorCode#SCHEMA_INVALID} on the field, with a message saying what to check, never the value.
 */
public final class FollowUpOfLentLoans implements MessageRule<FollowUpDoneMessage> {

    private final LentLoans loans;

    public FollowUpOfLentLoans(LentLoans loans) {
        this.loans = loans;
    }

    @Override
    public List<ContractError> check(FollowUpDoneMessage message, RuleContext context) {
        Set<String> lent = loans.devicesUnder(context.queueKommunCode(), message.decisionReference());
        if (lent.isEmpty()) {
            return List.of(ContractError.of(ErrorCode.SCHEMA_INVALID, "decisionReference", "No device is lent under "
                    + "this decision on this municipality's orders; use the decisionReference of the FOLLOW_UP_DUE, "
                    + "or answer a need that has ended with a RETURN."));
        }
        List<ContractError> errors = new ArrayList<>();
        List<String> named = message.deviceIds() == null ? List.of() : message.deviceIds();
        for (int i = 0; i < named.size(); i++) {
            if (!lent.contains(named.get(i))) {
                errors.add(ContractError.of(ErrorCode.SCHEMA_INVALID, "deviceIds[" + i + "]", "This device is not "
                        + "lent under the decision; name only devices of the FOLLOW_UP_DUE, or leave deviceIds out."));
            }
        }
        if (message.sentAt() != null && message.nextFollowUpDate() != null
                && message.nextFollowUpDate().isBefore(context.messageDate())) {
            errors.add(ContractError.of(ErrorCode.SCHEMA_INVALID, "nextFollowUpDate",
                    "The next follow-up date must not be before the day the message is sent."));
        }
        return errors;
    }
}
