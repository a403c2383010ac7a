package se.hjalpmedelsnav.hub.incident;

import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.hub.stage.KommunEvents;
import se.hjalpmedelsnav.hub.stage.KommunEvents.KommunEvent;
import se.hjalpmedelsnav.mappings.message.IncidentReportStatusEvent;

/**
 * Sends an INCIDENT_REPORT_STATUS event to the municipality outside a stage (a confirmation, a deadline
 * alert). The send is a plain persistent one, durable on the broker when this returns; callers make it
 * inside the database transaction that records the change, so a failed send undoes the record and the
 * change can be made again.
 */
@Component
public class IncidentStatusEvents {

    private final KommunEvents kommunEvents;

    public IncidentStatusEvents(KommunEvents kommunEvents) {
        this.kommunEvents = kommunEvents;
    }

    public void send(IncidentReportRecord report, IncidentReportStatusEvent event) {
        kommunEvents.sendNow(of(report, event));
    }

    /** The event for the municipality that sent the report, answering its messageId. */
    static KommunEvent of(IncidentReportRecord report, IncidentReportStatusEvent event) {
        return new KommunEvent(report.kommunCode(), IncidentReportStatusEvent.TYPE, report.messageId(),
                report.hubReference(), event);
    }
}
