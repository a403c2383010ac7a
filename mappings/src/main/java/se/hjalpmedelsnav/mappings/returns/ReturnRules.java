package se.hjalpmedelsnav.mappings.returns;

import java.util.List;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.MessageContext;
import se.hjalpmedelsnav.mappings.message.MessageRule;
import se.hjalpmedelsnav.mappings.message.MessageRules;
import se.hjalpmedelsnav.mappings.message.RuleContext;
import se.hjalpmedelsnav.mappings.order.rules.AgreementParty;
import se.hjalpmedelsnav.mappings.order.rules.CustomerNumberOfKommun;
import se.hjalpmedelsnav.mappings.order.rules.KommunMatchesQueue;
import se.hjalpmedelsnav.mappings.order.rules.PayerNumberLinked;
import se.hjalpmedelsnav.mappings.order.rules.PrivateContractorAgreement;
import se.hjalpmedelsnav.mappings.registry.Registry;
import se.hjalpmedelsnav.mappings.returns.rules.DeviceIdsUnique;
import se.hjalpmedelsnav.mappings.returns.rules.PickupUnlessLost;

/**
 * The handbook's rules for a RETURN, run together and reported all at once: sender, numbers,
 * contractor (as for an order), then the devices and the pickup.
 */
public final class ReturnRules {

    private final MessageRules<ReturnMessage> rules;

    public ReturnRules() {
        this(List.<MessageRule<? super ReturnMessage>>of(
                new KommunMatchesQueue(),
                new AgreementParty(),
                new CustomerNumberOfKommun(),
                new PayerNumberLinked(),
                new PrivateContractorAgreement(),
                new DeviceIdsUnique(),
                new PickupUnlessLost()));
    }

    public ReturnRules(List<? extends MessageRule<? super ReturnMessage>> rules) {
        this.rules = new MessageRules<>(rules);
    }

    /** Every violation of every rule, in rule order; empty when the return may be forwarded. */
    public List<ContractError> check(ReturnMessage message, RuleContext context) {
        return rules.check(message, context);
    }

    /** The context of a return that arrived on {@code queueKommunCode}'s queue, dated by its sentAt in Swedish time. */
    public static MessageContext contextFor(ReturnMessage message, String queueKommunCode, Registry registry) {
        return MessageContext.of(message, queueKommunCode, registry);
    }
}
