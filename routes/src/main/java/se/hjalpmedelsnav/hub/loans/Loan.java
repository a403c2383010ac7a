package se.hjalpmedelsnav.hub.loans;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One device lent on one order, as the register holds it and as {@code LOANS} lists it ({@code $defs/loan}). The
 * user's pseudonym is the register's own and is never written out.
 *
 * @param hubReference the order's hub reference (an Order Agreement ID for an order taken outside the hub)
 * @param endedAt      when it was picked up, registered lost or replaced; null while {@link LoanState#LENT}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Loan(String deviceId, String articleNumber, String hubReference, String decisionReference,
        String customerNumber, OffsetDateTime since, LoanState state, OffsetDateTime endedAt, LocalDate validTo,
        LocalDate followUpDate, @JsonIgnore String kommunCode, @JsonIgnore String userPseudonym) {

    @Override
    public String toString() {
        return "Loan[kommunCode=" + kommunCode + ", deviceId=" + deviceId + ", hubReference=" + hubReference
                + ", state=" + state + "]";
    }
}
