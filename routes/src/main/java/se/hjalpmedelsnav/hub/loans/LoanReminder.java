package se.hjalpmedelsnav.hub.loans;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A FOLLOW_UP_DUE or RETURN_DUE on a municipality's {@code .out} ({@code $defs/followUpDue}, {@code $defs/returnDue}):
 * references only, the devices still lent under one order with one due date.
 *
 * @param dueDate the follow-up date, or the decision's validTo that passed
 * @param at      when the hub sent it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoanReminder(String type, String hubReference, String decisionReference, List<String> deviceIds,
        LocalDate dueDate, OffsetDateTime at) {

    public static final String FOLLOW_UP_DUE = "FOLLOW_UP_DUE";
    public static final String RETURN_DUE = "RETURN_DUE";

    public LoanReminder {
        deviceIds = List.copyOf(deviceIds);
    }
}
