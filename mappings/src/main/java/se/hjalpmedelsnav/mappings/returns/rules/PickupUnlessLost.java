package se.hjalpmedelsnav.mappings.returns.rules;

import java.util.List;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.returns.ReturnMessage;
import se.hjalpmedelsnav.mappings.rules.MessageRule;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * The supplier needs to know where to fetch the devices, unless they are lost: a lost device is only
 * reported, which is why the schema leaves the pickup optional.
 */
public final class PickupUnlessLost implements MessageRule<ReturnMessage> {

    @Override
    public List<ContractError> check(ReturnMessage message, RuleContext context) {
        if (message.reason() == null || !message.reason().needsPickup() || message.pickup() != null) {
            return List.of();
        }
        return List.of(ContractError.of(ErrorCode.SCHEMA_INVALID, "pickup",
                "pickup is required unless reason is LOST: only a lost device is returned without a pickup "
                        + "address and contact."));
    }
}
