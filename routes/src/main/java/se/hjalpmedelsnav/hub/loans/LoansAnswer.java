package se.hjalpmedelsnav.hub.loans;

import java.time.OffsetDateTime;
import java.util.List;

/** The LOANS message on {@code .out} ({@code $defs/loans}): the answer to one LOANS_REQUEST, an empty list included. */
public record LoansAnswer(String type, String inReplyTo, List<Loan> loans, OffsetDateTime at) {

    public static final String TYPE = "LOANS";

    public LoansAnswer {
        loans = List.copyOf(loans);
    }

    public static LoansAnswer of(String inReplyTo, List<Loan> loans, OffsetDateTime at) {
        return new LoansAnswer(TYPE, inReplyTo, loans, at);
    }
}
