package se.hjalpmedelsnav.mappings.order;

import java.time.LocalDate;
import se.hjalpmedelsnav.mappings.message.RuleContext;
import se.hjalpmedelsnav.mappings.registry.Registry;

/**
 * What the rules check an order against.
 *
 * @param queueKommunCode the municipality whose {@code .in} queue the order arrived on
 * @param registry        the registry in force
 * @param orderDate       the day the order counts as placed (its {@code sentAt} in Swedish time)
 */
public record OrderContext(String queueKommunCode, Registry registry, LocalDate orderDate) implements RuleContext {

    /** An order's message date is its order date. */
    @Override
    public LocalDate messageDate() {
        return orderDate;
    }
}
