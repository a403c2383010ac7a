package se.hjalpmedelsnav.mappings.fault;

import java.util.List;
import se.hjalpmedelsnav.mappings.fault.rules.ArticleInAssortment;
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
import se.hjalpmedelsnav.mappings.registry.Article;
import se.hjalpmedelsnav.mappings.registry.Registry;

/**
 * The handbook's rules for a FAULT_REPORT, run together and reported all at once: sender, numbers,
 * contractor (as for an order), then the article. Also says when an incident report is due.
 */
public final class FaultReportRules {

    private final MessageRules<FaultReportMessage> rules;

    public FaultReportRules() {
        this(List.<MessageRule<? super FaultReportMessage>>of(
                new KommunMatchesQueue(),
                new AgreementParty(),
                new CustomerNumberOfKommun(),
                new PayerNumberLinked(),
                new PrivateContractorAgreement(),
                new ArticleInAssortment()));
    }

    public FaultReportRules(List<? extends MessageRule<? super FaultReportMessage>> rules) {
        this.rules = new MessageRules<>(rules);
    }

    /** Every violation of every rule, in rule order; empty when the fault report may be forwarded. */
    public List<ContractError> check(FaultReportMessage message, RuleContext context) {
        return rules.check(message, context);
    }

    /**
     * Whether the receipt must remind that an incident report is due: the fault injured someone or could
     * have, and the assortment marks the article a medical device.
     */
    public boolean incidentReportDue(FaultReportMessage message, Registry registry) {
        return Boolean.TRUE.equals(message.injuryOrRisk())
                && registry.article(message.articleNumber()).map(Article::medicalDevice).orElse(false);
    }

    /** The context of a fault report that arrived on {@code queueKommunCode}'s queue, dated by its sentAt in Swedish time. */
    public static MessageContext contextFor(FaultReportMessage message, String queueKommunCode, Registry registry) {
        return MessageContext.of(message, queueKommunCode, registry);
    }
}
