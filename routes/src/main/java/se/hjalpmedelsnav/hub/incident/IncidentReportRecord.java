package se.hjalpmedelsnav.hub.incident;

import java.time.OffsetDateTime;

/**
 * One incident report as the hub tracks it: references and times, no personal data.
 *
 * @param messageId          the municipality's id of the report, which status events are correlated with
 * @param sentAt             when the report reached the authority channel; null until then
 * @param manufacturerSentAt when the manufacturer's copy was delivered; null until then
 * @param confirmedAt        when Läkemedelsverket's confirmation was fed back; null until then
 * @param alertRaisedAt      when the deadline alert was raised; null unless it was
 */
public record IncidentReportRecord(String hubReference, String kommunCode, String messageId, String consequence,
        OffsetDateTime acceptedAt, OffsetDateTime dueAt, OffsetDateTime sentAt, OffsetDateTime manufacturerSentAt,
        OffsetDateTime confirmedAt, String authorityReference, OffsetDateTime alertRaisedAt) {

    public boolean confirmed() {
        return confirmedAt != null;
    }
}
