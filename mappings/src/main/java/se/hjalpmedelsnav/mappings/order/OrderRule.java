package se.hjalpmedelsnav.mappings.order;

import java.util.List;
import se.hjalpmedelsnav.mappings.message.ContractError;

/**
 * One rule of the handbook the hub enforces on an ORDER. A rule is pure: it reads the order and the
 * context and returns every violation it finds (empty when the order passes), never throws for bad
 * input, and never quotes a personal value in its messages.
 *
 * <p>Rules run on orders that passed the schema, so required fields are present; a rule still
 * tolerates nulls in optional parts.
 */
@FunctionalInterface
public interface OrderRule {

    List<ContractError> check(OrderMessage order, OrderContext context);
}
