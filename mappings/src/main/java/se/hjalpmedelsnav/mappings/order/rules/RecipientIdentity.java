package se.hjalpmedelsnav.mappings.order.rules;

import java.util.List;
import se.hjalpmedelsnav.mappings.identifier.PersonalIdentityNumber;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.DeviceForUserMessage;
import se.hjalpmedelsnav.mappings.rules.MessageRule;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/** The user must be identified by a valid personnummer or samordningsnummer, born on or before the order date. */
public final class RecipientIdentity implements MessageRule<DeviceForUserMessage> {

    @Override
    public List<ContractError> check(DeviceForUserMessage order, RuleContext context) {
        String number = order.recipient() == null ? null : order.recipient().personalIdentityNumber();
        if (PersonalIdentityNumber.isValid(number, context.messageDate())) {
            return List.of();
        }
        // The message describes what is expected and never repeats the number.
        return List.of(ContractError.of(ErrorCode.PERSONAL_ID_INVALID, "recipient.personalIdentityNumber",
                "recipient.personalIdentityNumber is not a valid personnummer or samordningsnummer: expected "
                        + "YYYYMMDDNNNC, YYYYMMDD-NNNC, YYMMDD-NNNC or YYMMDD+NNNC with an existing birth date "
                        + "(day plus 60 for a samordningsnummer) not after the order date and a correct check digit."));
    }
}
