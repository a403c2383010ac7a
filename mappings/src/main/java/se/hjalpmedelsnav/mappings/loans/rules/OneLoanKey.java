package se.hjalpmedelsnav.mappings.loans.rules;

import java.util.List;
import se.hjalpmedelsnav.mappings.loans.LoansRequestMessage;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.rules.MessageRule;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * A LOANS_REQUEST asks by exactly one key: the user, the decision or the device. The schemas declare the three
 * optional (an XSD choice would not read as the JSON form's members); this rule says what both formats mean.
 */
public final class OneLoanKey implements MessageRule<LoansRequestMessage> {

    @Override
    public List<ContractError> check(LoansRequestMessage request, RuleContext context) {
        if (request.keysGiven() == 1) {
            return List.of();
        }
        return List.of(ContractError.of(ErrorCode.SCHEMA_INVALID, "The question must name exactly one of "
                + "personalIdentityNumber, decisionReference and deviceId."));
    }
}
