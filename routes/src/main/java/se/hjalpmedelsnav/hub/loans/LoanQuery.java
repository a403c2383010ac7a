package se.hjalpmedelsnav.hub.loans;

/**
 * Which loans of one municipality: by the user's pseudonym, a decision reference or a device id (each null when not
 * asked by), narrowed to a customer number when it is not null.
 */
public record LoanQuery(String kommunCode, String customerNumber, String userPseudonym, String decisionReference,
        String deviceId) {

    public LoanQuery {
        if (kommunCode == null) {
            throw new IllegalArgumentException("a loan query is always for one municipality");
        }
    }
}
