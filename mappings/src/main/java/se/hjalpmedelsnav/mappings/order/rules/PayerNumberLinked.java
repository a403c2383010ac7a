package se.hjalpmedelsnav.mappings.order.rules;

import java.util.List;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.OrderContext;
import se.hjalpmedelsnav.mappings.order.OrderMessage;
import se.hjalpmedelsnav.mappings.order.OrderRule;
import se.hjalpmedelsnav.mappings.registry.CustomerNumber;

/**
 * The payer number must be linked to the order's customer number. An unknown customer number is
 * {@link CustomerNumberOfKommun}'s error alone, so this rule says nothing then.
 */
public final class PayerNumberLinked implements OrderRule {

    @Override
    public List<ContractError> check(OrderMessage order, OrderContext context) {
        return context.registry().customerNumber(context.queueKommunCode(), order.customerNumber())
                .filter(customerNumber -> !customerNumber.isLinkedTo(order.payerNumber()))
                .map(customerNumber -> List.of(notLinked(order.payerNumber(), customerNumber)))
                .orElse(List.of());
    }

    private static ContractError notLinked(String payerNumber, CustomerNumber customerNumber) {
        String linked = customerNumber.payerNumbers().isEmpty()
                ? "it has no payer numbers linked in the registry"
                : "its linked payer numbers are " + String.join(", ", customerNumber.payerNumbers());
        return ContractError.of(ErrorCode.PAYER_NUMBER_INVALID, "payerNumber",
                "Payer number " + payerNumber + " is not linked to customer number " + customerNumber.number()
                        + "; " + linked + ".");
    }
}
