package se.hjalpmedelsnav.hub.loans;

/** Where a lent device stands, as published in the schemas ({@code $defs/loanState}). */
public enum LoanState {
    /** With the user. */
    LENT,
    /** The supplier picked it up (RETURN_STATUS PICKED_UP). */
    RETURNED,
    /** Registered lost (RETURN_STATUS LOST_REGISTERED). */
    LOST,
    /** Replaced after a fault (FAULT_REPORT_STATUS DEVICE_REPLACED); the new device is a loan of its own. */
    REPLACED
}
