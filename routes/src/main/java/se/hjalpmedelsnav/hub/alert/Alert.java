package se.hjalpmedelsnav.hub.alert;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A raised alert as the console shows it.
 *
 * @param code        the alert's stable code
 * @param subjectKind {@code kommun} or {@code queue}
 * @param subject     the municipality code or queue
 * @param count       what it counts now
 * @param detail      what was found, references and counts only
 * @param references  a few hub references concerned
 * @param raisedAt    since when it has been raised (by this hub)
 * @param action      what the admin should do
 */
public record Alert(AlertCode code, String subjectKind, String subject, long count, String detail,
        List<String> references, OffsetDateTime raisedAt, String action) {
}
