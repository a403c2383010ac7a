package se.hjalpmedelsnav.mappings.incident.rules;

import java.util.List;
import se.hjalpmedelsnav.mappings.incident.IncidentReportMessage;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.rules.MessageRule;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/** An incident is reported after it happened: its day is not after the day the report was sent, in Swedish time. */
public final class EventNotAfterReport implements MessageRule<IncidentReportMessage> {

    @Override
    public List<ContractError> check(IncidentReportMessage message, RuleContext context) {
        if (message.eventDate() == null || !message.eventDate().isAfter(context.messageDate())) {
            return List.of();
        }
        return List.of(ContractError.of(ErrorCode.SCHEMA_INVALID, "eventDate",
                "eventDate is after the day the report was sent (its sentAt, in Swedish time); an incident can "
                        + "only be reported on or after the day it happened."));
    }
}
