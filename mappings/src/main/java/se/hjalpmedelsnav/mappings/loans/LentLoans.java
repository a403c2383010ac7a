package se.hjalpmedelsnav.mappings.loans;

import java.util.Set;

/**
 * What the rules may ask of the loan register: the devices lent now under one decision of one municipality. The
 * register is the hub's (a database); the rule table only reads through this.
 */
@FunctionalInterface
public interface LentLoans {

    /** Knows no loan: what the rule table checks with where there is no register. */
    LentLoans NONE = (kommunCode, decisionReference) -> Set.of();

    /** The device ids lent (state LENT) under {@code decisionReference} on {@code kommunCode}'s orders; empty if none. */
    Set<String> devicesUnder(String kommunCode, String decisionReference);
}
