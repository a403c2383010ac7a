package se.hjalpmedelsnav.mappings.rules;

import java.util.List;
import java.util.Objects;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.message.KommunMessage;

/**
 * The body's kommunCode must be that of the queue the message came on: the queue is the authenticated
 * sender, the body only a claim. Holds for every message type.
 */
public final class KommunMatchesQueue implements MessageRule<KommunMessage> {

    @Override
    public List<ContractError> check(KommunMessage message, RuleContext context) {
        if (Objects.equals(message.kommunCode(), context.queueKommunCode())) {
            return List.of();
        }
        return List.of(ContractError.of(ErrorCode.KOMMUN_MISMATCH, "kommunCode",
                "kommunCode is not the code of the municipality whose queue the message was sent on; send on "
                        + "your own municipality's queue with its own code."));
    }
}
