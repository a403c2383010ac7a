package se.hjalpmedelsnav.mappings.order.rules;

import java.util.List;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.OrderContext;
import se.hjalpmedelsnav.mappings.order.OrderMessage;
import se.hjalpmedelsnav.mappings.order.OrderRule;

/**
 * The order must be placed on a customer number of the sending municipality; one registered for
 * another municipality counts as unknown.
 */
public final class CustomerNumberOfKommun implements OrderRule {

    @Override
    public List<ContractError> check(OrderMessage order, OrderContext context) {
        if (context.registry().customerNumber(context.queueKommunCode(), order.customerNumber()).isPresent()) {
            return List.of();
        }
        return List.of(ContractError.of(ErrorCode.CUSTOMER_NUMBER_UNKNOWN, "customerNumber",
                "Customer number " + order.customerNumber() + " is not registered for municipality "
                        + context.queueKommunCode() + "; order on one of your municipality's customer numbers."));
    }
}
