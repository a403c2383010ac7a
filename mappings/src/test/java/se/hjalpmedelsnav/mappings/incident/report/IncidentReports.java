package se.hjalpmedelsnav.mappings.incident.report;

import java.time.LocalDate;
import se.hjalpmedelsnav.mappings.incident.Consequence;
import se.hjalpmedelsnav.mappings.incident.IncidentDevice;
import se.hjalpmedelsnav.mappings.incident.IncidentReportBuilder;
import se.hjalpmedelsnav.mappings.incident.IncidentReportMessage;
import se.hjalpmedelsnav.mappings.incident.Patient;
import se.hjalpmedelsnav.mappings.incident.Reporter;

/**
 * Incident reports for the report tests: {@link IncidentReportBuilder#valid()} with one part changed.
 * The hub reference and municipality are fictional.
 */
final class IncidentReports {

    static final String HUB_REFERENCE = "HN-INC-2026-0042";
    static final String MUNICIPALITY_NAME = "Fiktiva kommun";
    static final LocalDate REPORT_DATE = LocalDate.of(2026, 3, 2);

    private IncidentReports() {
    }

    static IncidentReportMessage valid() {
        return IncidentReportBuilder.valid().build();
    }

    static IncidentReportMessage withPatient(Patient patient) {
        IncidentReportMessage m = valid();
        return new IncidentReportMessage(m.type(), m.messageId(), m.kommunCode(), m.sentAt(), m.reporter(),
                m.eventDate(), m.description(), m.consequence(), m.device(), m.deviceKeptForInvestigation(),
                patient, m.actionsTaken());
    }

    static IncidentReportMessage withConsequence(Consequence consequence) {
        IncidentReportMessage m = valid();
        return new IncidentReportMessage(m.type(), m.messageId(), m.kommunCode(), m.sentAt(), m.reporter(),
                m.eventDate(), m.description(), consequence, m.device(), m.deviceKeptForInvestigation(),
                m.patient(), m.actionsTaken());
    }

    static IncidentReportMessage withDevice(IncidentDevice device) {
        IncidentReportMessage m = valid();
        return new IncidentReportMessage(m.type(), m.messageId(), m.kommunCode(), m.sentAt(), m.reporter(),
                m.eventDate(), m.description(), m.consequence(), device, m.deviceKeptForInvestigation(),
                m.patient(), m.actionsTaken());
    }

    static IncidentReportMessage withReporter(Reporter reporter) {
        IncidentReportMessage m = valid();
        return new IncidentReportMessage(m.type(), m.messageId(), m.kommunCode(), m.sentAt(), reporter,
                m.eventDate(), m.description(), m.consequence(), m.device(), m.deviceKeptForInvestigation(),
                m.patient(), m.actionsTaken());
    }

    static IncidentReportMessage withTexts(String description, String actionsTaken) {
        IncidentReportMessage m = valid();
        return new IncidentReportMessage(m.type(), m.messageId(), m.kommunCode(), m.sentAt(), m.reporter(),
                m.eventDate(), description, m.consequence(), m.device(), m.deviceKeptForInvestigation(),
                m.patient(), actionsTaken);
    }

    static IncidentReportMessage withMessageId(String messageId) {
        IncidentReportMessage m = valid();
        return new IncidentReportMessage(m.type(), messageId, m.kommunCode(), m.sentAt(), m.reporter(),
                m.eventDate(), m.description(), m.consequence(), m.device(), m.deviceKeptForInvestigation(),
                m.patient(), m.actionsTaken());
    }

    static IncidentReportMessage withKeptForInvestigation(Boolean kept) {
        IncidentReportMessage m = valid();
        return new IncidentReportMessage(m.type(), m.messageId(), m.kommunCode(), m.sentAt(), m.reporter(),
                m.eventDate(), m.description(), m.consequence(), m.device(), kept, m.patient(), m.actionsTaken());
    }
}
