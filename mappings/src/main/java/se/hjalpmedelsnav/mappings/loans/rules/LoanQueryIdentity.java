package se.hjalpmedelsnav.mappings.loans.rules;

import java.util.List;
import se.hjalpmedelsnav.mappings.identifier.PersonalIdentityNumber;
import se.hjalpmedelsnav.mappings.loans.LoansRequestMessage;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.rules.MessageRule;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/** A user asked for by identity number must be named by a valid personnummer or samordningsnummer. */
public final class LoanQueryIdentity implements MessageRule<LoansRequestMessage> {

    @Override
    public List<ContractError> check(LoansRequestMessage request, RuleContext context) {
        String number = request.personalIdentityNumber();
        if (number == null || PersonalIdentityNumber.isValid(number, context.messageDate())) {
            return List.of();
        }
        return List.of(ContractError.of(ErrorCode.PERSONAL_ID_INVALID, "personalIdentityNumber",
                "personalIdentityNumber is not a valid personnummer or samordningsnummer: expected YYYYMMDDNNNC, "
                        + "YYYYMMDD-NNNC, YYMMDD-NNNC or YYMMDD+NNNC with an existing birth date (day plus 60 for a "
                        + "samordningsnummer) and a correct check digit."));
    }
}
