package se.hjalpmedelsnav.mappings.order.rules;

import java.util.List;
import java.util.Objects;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.OrderContext;
import se.hjalpmedelsnav.mappings.order.OrderMessage;
import se.hjalpmedelsnav.mappings.order.OrderRule;

/**
 * The body's kommunCode must be that of the queue the order came on: the queue is the authenticated
 * sender, the body only a claim.
 */
public final class KommunMatchesQueue implements OrderRule {

    @Override
    public List<ContractError> check(OrderMessage order, OrderContext context) {
        if (Objects.equals(order.kommunCode(), context.queueKommunCode())) {
            return List.of();
        }
        return List.of(ContractError.of(ErrorCode.KOMMUN_MISMATCH, "kommunCode",
                "kommunCode " + order.kommunCode() + " is not that of the queue the order was sent on (municipality "
                        + context.queueKommunCode() + "); send on your own municipality's queue with its own code."));
    }
}
