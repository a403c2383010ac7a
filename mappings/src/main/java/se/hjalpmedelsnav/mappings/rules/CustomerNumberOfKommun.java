package se.hjalpmedelsnav.mappings.rules;

import java.util.List;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.CustomerAccountMessage;
import se.hjalpmedelsnav.mappings.message.ErrorCode;

/**
 * The message must be placed on a customer number of the sending municipality; one registered for
 * another municipality counts as unknown.
 */
public final class CustomerNumberOfKommun implements MessageRule<CustomerAccountMessage> {

    @Override
    public List<ContractError> check(CustomerAccountMessage message, RuleContext context) {
        if (context.registry().customerNumber(context.queueKommunCode(), message.customerNumber()).isPresent()) {
            return List.of();
        }
        return List.of(ContractError.of(ErrorCode.CUSTOMER_NUMBER_UNKNOWN, "customerNumber",
                "The customer number is not registered for the municipality of this queue; use one of your "
                        + "municipality's customer numbers."));
    }
}
