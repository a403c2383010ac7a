package se.hjalpmedelsnav.hub.intake;

import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.mappings.order.OrderMessage;
import se.hjalpmedelsnav.mappings.order.OrderRules;
import se.hjalpmedelsnav.mappings.registry.RegistrySource;

/** The handbook's rules, checked against the registry in force when the message arrives. */
@Component
public class OrderEnforcement {

    private final OrderRules rules = new OrderRules();
    private final RegistrySource registry;

    public OrderEnforcement(RegistrySource registry) {
        this.registry = registry;
    }

    public Intake enforce(Intake intake) {
        if (intake.message() instanceof OrderMessage order) {
            var context = OrderRules.contextFor(order, intake.queueKommunCode(), registry.current());
            return intake.withErrors(rules.check(order, context));
        }
        return intake;
    }
}
