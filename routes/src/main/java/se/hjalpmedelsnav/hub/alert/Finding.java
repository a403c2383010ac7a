package se.hjalpmedelsnav.hub.alert;

import java.util.List;

/**
 * What one check finds now for one subject: references and counts only, never a person's data.
 *
 * @param code       the alert
 * @param subject    a municipality code or a queue name
 * @param count      how many things it counts (messages parked, overdue, refused; 1 for a silence)
 * @param detail     one line on what was found (codes, counts, times)
 * @param references hub references concerned, the oldest first, a few at most
 */
public record Finding(AlertCode code, String subject, long count, String detail, List<String> references) {

    static final int MAX_REFERENCES = 5;

    public Finding {
        references = references == null ? List.of()
                : List.copyOf(references.subList(0, Math.min(MAX_REFERENCES, references.size())));
    }
}
