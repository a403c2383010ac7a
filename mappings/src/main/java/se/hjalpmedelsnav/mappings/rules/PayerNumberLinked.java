package se.hjalpmedelsnav.mappings.rules;

import java.util.List;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.CustomerAccountMessage;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.registry.CustomerNumber;

/**
 * The payer number must be linked to the message's customer number. An unknown customer number is
 * {@link CustomerNumberOfKommun}'s error alone, so this rule says nothing then.
 */
public final class PayerNumberLinked implements MessageRule<CustomerAccountMessage> {

    @Override
    public List<ContractError> check(CustomerAccountMessage message, RuleContext context) {
        return context.registry().customerNumber(context.queueKommunCode(), message.customerNumber())
                .filter(customerNumber -> !customerNumber.isLinkedTo(message.payerNumber()))
                .map(customerNumber -> List.of(notLinked(customerNumber)))
                .orElse(List.of());
    }

    private static ContractError notLinked(CustomerNumber customerNumber) {
        return ContractError.of(ErrorCode.PAYER_NUMBER_INVALID, "payerNumber", customerNumber.payerNumbers().isEmpty()
                ? "The customer number has no payer numbers linked in the registry; contact the hub's administrators."
                : "The payer number is not linked to the customer number in the registry; use a payer number "
                        + "linked to it.");
    }
}
