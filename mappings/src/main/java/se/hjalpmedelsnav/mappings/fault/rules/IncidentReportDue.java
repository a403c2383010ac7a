package se.hjalpmedelsnav.mappings.fault.rules;

import java.util.Optional;
import se.hjalpmedelsnav.mappings.fault.FaultReportMessage;
import se.hjalpmedelsnav.mappings.registry.Article;
import se.hjalpmedelsnav.mappings.rules.Notice;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * The receipt reminds that an incident report is due when the fault injured someone or could have, and
 * the assortment marks the article a medical device.
 */
public final class IncidentReportDue implements Notice<FaultReportMessage> {

    /** The receipt's reminder when a fault report concerns an injury or risk with a medical device. */
    public static final String INCIDENT_REPORT_DUE = "The fault concerns an injury or a risk with a medical device: "
            + "an incident report to Läkemedelsverket and the manufacturer is due without delay (HSLF-FS 2021:52, "
            + "chapter 5). Send it as an INCIDENT_REPORT.";

    @Override
    public Optional<String> noticeFor(FaultReportMessage message, RuleContext context) {
        boolean due = Boolean.TRUE.equals(message.injuryOrRisk())
                && context.registry().article(message.articleNumber()).map(Article::medicalDevice).orElse(false);
        return due ? Optional.of(INCIDENT_REPORT_DUE) : Optional.empty();
    }
}
