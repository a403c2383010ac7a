package se.hjalpmedelsnav.mappings.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * The decision (beslut om insats) the order carries out.
 *
 * @param validTo      the decision's last day, or null when it has none: the loan register keeps it
 * @param followUpDate the day the need is to be followed up, or null: the loan register keeps it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(String reference, OrderProcess process, LocalDate decidedAt, LocalDate validTo,
        LocalDate followUpDate) {

    /** A decision without end or follow-up date. */
    public Decision(String reference, OrderProcess process, LocalDate decidedAt) {
        this(reference, process, decidedAt, null, null);
    }
}
