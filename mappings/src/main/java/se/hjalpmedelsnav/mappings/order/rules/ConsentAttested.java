package se.hjalpmedelsnav.mappings.order.rules;

import java.util.List;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.DeviceForUserMessage;
import se.hjalpmedelsnav.mappings.rules.MessageRule;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/** The orderer must attest that the user's needed consents exist. */
public final class ConsentAttested implements MessageRule<DeviceForUserMessage> {

    @Override
    public List<ContractError> check(DeviceForUserMessage order, RuleContext context) {
        if (Boolean.TRUE.equals(order.consentObtained())) {
            return List.of();
        }
        return List.of(ContractError.of(ErrorCode.CONSENT_MISSING, "consentObtained",
                "The needed consents must be obtained before ordering; send consentObtained true once they are."));
    }
}
