package se.hjalpmedelsnav.mappings.incident;

import java.util.List;
import se.hjalpmedelsnav.mappings.incident.rules.EventNotAfterReport;
import se.hjalpmedelsnav.mappings.incident.rules.NoPatientIdentity;
import se.hjalpmedelsnav.mappings.incident.rules.UdiDiCheckDigit;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.MessageContext;
import se.hjalpmedelsnav.mappings.message.MessageRule;
import se.hjalpmedelsnav.mappings.message.MessageRules;
import se.hjalpmedelsnav.mappings.message.RuleContext;
import se.hjalpmedelsnav.mappings.order.rules.AgreementParty;
import se.hjalpmedelsnav.mappings.order.rules.KommunMatchesQueue;
import se.hjalpmedelsnav.mappings.registry.Registry;

/**
 * The rules for an INCIDENT_REPORT, run together and reported all at once: sender, device, date, and
 * that no patient identity is in the free text.
 */
public final class IncidentReportRules {

    private final MessageRules<IncidentReportMessage> rules;

    public IncidentReportRules() {
        this(List.<MessageRule<? super IncidentReportMessage>>of(
                new KommunMatchesQueue(),
                new AgreementParty(),
                new UdiDiCheckDigit(),
                new EventNotAfterReport(),
                new NoPatientIdentity()));
    }

    public IncidentReportRules(List<? extends MessageRule<? super IncidentReportMessage>> rules) {
        this.rules = new MessageRules<>(rules);
    }

    /** Every violation of every rule, in rule order; empty when the report may be filed. */
    public List<ContractError> check(IncidentReportMessage message, RuleContext context) {
        return rules.check(message, context);
    }

    /** The context of a report that arrived on {@code queueKommunCode}'s queue, dated by its sentAt in Swedish time. */
    public static MessageContext contextFor(IncidentReportMessage message, String queueKommunCode, Registry registry) {
        return MessageContext.of(message, queueKommunCode, registry);
    }
}
