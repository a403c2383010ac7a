package se.hjalpmedelsnav.mappings.buffer.rules;

import java.util.List;
import se.hjalpmedelsnav.mappings.buffer.BufferWithdrawalMessage;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.rules.MessageRule;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * A device can be withdrawn only from a buffer store the registry knows: the customer number must be that of a unit
 * with one (where its refill goes). An unknown customer number is {@code CustomerNumberOfKommun}'s error alone.
 */
public final class BufferStoreOwned implements MessageRule<BufferWithdrawalMessage> {

    @Override
    public List<ContractError> check(BufferWithdrawalMessage withdrawal, RuleContext context) {
        return context.registry().customerNumber(context.queueKommunCode(), withdrawal.customerNumber())
                .filter(customerNumber -> customerNumber.bufferStore() == null)
                .map(customerNumber -> List.of(ContractError.of(ErrorCode.DELIVERY_NOT_ALLOWED, "customerNumber",
                        "The unit of this customer number has no buffer store in the registry; send the customer "
                                + "number of the unit whose buffer store the device came from.")))
                .orElse(List.of());
    }
}
