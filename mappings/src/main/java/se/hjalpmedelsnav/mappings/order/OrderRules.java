package se.hjalpmedelsnav.mappings.order;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.MessageContext;
import se.hjalpmedelsnav.mappings.order.rules.AgreementParty;
import se.hjalpmedelsnav.mappings.order.rules.ArticleOrderable;
import se.hjalpmedelsnav.mappings.order.rules.ConsentAttested;
import se.hjalpmedelsnav.mappings.order.rules.CustomerNumberOfKommun;
import se.hjalpmedelsnav.mappings.order.rules.DeliveryAllowed;
import se.hjalpmedelsnav.mappings.order.rules.KommunMatchesQueue;
import se.hjalpmedelsnav.mappings.order.rules.OrdererAuthorised;
import se.hjalpmedelsnav.mappings.order.rules.PayerNumberLinked;
import se.hjalpmedelsnav.mappings.order.rules.PrivateContractorAgreement;
import se.hjalpmedelsnav.mappings.order.rules.RecipientIdentity;
import se.hjalpmedelsnav.mappings.order.rules.RiskAnalysisAttested;
import se.hjalpmedelsnav.mappings.registry.Registry;

/**
 * The handbook's rules for an ORDER, run together. Every rule runs, so the municipality gets all the
 * errors of its order in one receipt; the order of the list is the order errors are reported in:
 * sender, numbers, contractor, articles, user, attestations, delivery.
 */
public final class OrderRules {

    /** Orders count as placed on the day they were sent in Sweden, whatever offset the sender used. */
    public static final ZoneId SWEDISH_TIME = MessageContext.SWEDISH_TIME;

    private final List<OrderRule> rules;

    public OrderRules() {
        this(List.of(
                new KommunMatchesQueue(),
                new AgreementParty(),
                new CustomerNumberOfKommun(),
                new PayerNumberLinked(),
                new PrivateContractorAgreement(),
                new ArticleOrderable(),
                new OrdererAuthorised(),
                new RecipientIdentity(),
                new RiskAnalysisAttested(),
                new ConsentAttested(),
                new DeliveryAllowed()));
    }

    public OrderRules(List<OrderRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Every violation of every rule, in rule order; empty when the order may be forwarded. */
    public List<ContractError> check(OrderMessage order, OrderContext context) {
        List<ContractError> errors = new ArrayList<>();
        for (OrderRule rule : rules) {
            errors.addAll(rule.check(order, context));
        }
        return List.copyOf(errors);
    }

    /** The context of an order that arrived on {@code queueKommunCode}'s queue, dated by its sentAt in Swedish time. */
    public static OrderContext contextFor(OrderMessage order, String queueKommunCode, Registry registry) {
        Objects.requireNonNull(order.sentAt(), "An order must carry sentAt to be checked");
        return new OrderContext(queueKommunCode, registry,
                order.sentAt().atZoneSameInstant(SWEDISH_TIME).toLocalDate());
    }
}
