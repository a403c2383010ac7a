package se.hjalpmedelsnav.mappings.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * An INCIDENT_REPORT_STATUS event on the municipality's {@code .out} queue, correlated like the receipt by
 * the report's messageId.
 *
 * @param authorityReference with SUBMITTED: Läkemedelsverket's reference (diarienummer) of the report
 * @param dueAt              by when the report must be confirmed as submitted (with SENT and OVERDUE)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentReportStatusEvent(String type, String inReplyTo, String hubReference,
        IncidentReportStatus status, String authorityReference, OffsetDateTime dueAt, OffsetDateTime at) {

    public static final String TYPE = StatusEvent.INCIDENT_REPORT_STATUS;

    public static IncidentReportStatusEvent sent(String inReplyTo, String hubReference, OffsetDateTime dueAt,
            OffsetDateTime at) {
        return new IncidentReportStatusEvent(TYPE, inReplyTo, hubReference, IncidentReportStatus.SENT, null, dueAt,
                at);
    }

    public static IncidentReportStatusEvent submitted(String inReplyTo, String hubReference,
            String authorityReference, OffsetDateTime at) {
        return new IncidentReportStatusEvent(TYPE, inReplyTo, hubReference, IncidentReportStatus.SUBMITTED,
                authorityReference, null, at);
    }

    public static IncidentReportStatusEvent overdue(String inReplyTo, String hubReference, OffsetDateTime dueAt,
            OffsetDateTime at) {
        return new IncidentReportStatusEvent(TYPE, inReplyTo, hubReference, IncidentReportStatus.OVERDUE, null, dueAt,
                at);
    }
}
