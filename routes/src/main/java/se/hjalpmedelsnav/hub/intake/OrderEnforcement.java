package se.hjalpmedelsnav.hub.intake;

import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.order.OrderMessage;
import se.hjalpmedelsnav.mappings.order.OrderRules;
import se.hjalpmedelsnav.mappings.registry.RegistrySource;

/**
 * The handbook's rules, checked against the registry in force when the message arrives. A message
 * type the contract knows but this hub has no flow for yet is refused here, so nothing is accepted
 * that cannot be delivered.
 */
@Component
public class OrderEnforcement {

    private final OrderRules rules = new OrderRules();
    private final RegistrySource registry;
    private final Set<MessageType> handled;

    public OrderEnforcement(RegistrySource registry,
            @Value("${nav.intake.handled-types:ORDER}") Set<MessageType> handled) {
        this.registry = registry;
        this.handled = Set.copyOf(handled);
    }

    public Intake enforce(Intake intake) {
        if (intake.message() != null && !handled.contains(intake.message().type())) {
            return intake.withErrors(List.of(ContractError.of(ErrorCode.UNKNOWN_MESSAGE_TYPE, "type",
                    "This hub does not handle " + intake.message().type() + " messages yet; it handles "
                            + handled.stream().map(Enum::name).sorted().toList() + ".")));
        }
        if (intake.message() instanceof OrderMessage order) {
            var context = OrderRules.contextFor(order, intake.queueKommunCode(), registry.current());
            return intake.withErrors(rules.check(order, context));
        }
        return intake;
    }
}
