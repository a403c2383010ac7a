package se.hjalpmedelsnav.mappings.order.rules;

import java.util.List;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.Delivery;
import se.hjalpmedelsnav.mappings.order.DeliveryTarget;
import se.hjalpmedelsnav.mappings.order.OrderMessage;
import se.hjalpmedelsnav.mappings.registry.CustomerNumber;
import se.hjalpmedelsnav.mappings.rules.MessageRule;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * Where the device may go: never home to a user with protected identity, to a buffer store only where
 * the unit has one, and to the user or the unit only with an address (a buffer store's comes from the
 * registry, which is why the schema leaves the address optional).
 */
public final class DeliveryAllowed implements MessageRule<OrderMessage> {

    @Override
    public List<ContractError> check(OrderMessage order, RuleContext context) {
        Delivery delivery = order.delivery();
        if (delivery == null || delivery.target() == null) {
            return List.of();
        }
        DeliveryTarget target = delivery.target();
        if (target == DeliveryTarget.RECIPIENT && order.recipient() != null && order.recipient().isProtected()) {
            // Says only what the rule is: nothing about the person beyond what the sender already knows.
            return List.of(ContractError.of(ErrorCode.DELIVERY_NOT_ALLOWED, "delivery.target",
                    "A user with protected identity is delivered to the unit or a pickup point, never home; use "
                            + "delivery.target UNIT or BUFFER_STORE."));
        }
        if (target == DeliveryTarget.BUFFER_STORE) {
            // An unknown customer number is CustomerNumberOfKommun's error alone.
            return context.registry().customerNumber(context.queueKommunCode(), order.customerNumber())
                    .filter(customerNumber -> customerNumber.bufferStore() == null)
                    .map(customerNumber -> List.of(noBufferStore(customerNumber)))
                    .orElse(List.of());
        }
        if (delivery.address() == null) {
            return List.of(ContractError.of(ErrorCode.SCHEMA_INVALID, "delivery.address",
                    "delivery.address is required unless delivery.target is BUFFER_STORE, whose address comes "
                            + "from the registry."));
        }
        return List.of();
    }

    private static ContractError noBufferStore(CustomerNumber customerNumber) {
        return ContractError.of(ErrorCode.DELIVERY_NOT_ALLOWED, "delivery.target",
                "The unit of this customer number has no buffer store in the registry; deliver to the unit (UNIT) "
                        + "instead.");
    }
}
