package se.hjalpmedelsnav.mappings.message;

public enum ReceiptStatus {
    /** Validated and held durably by the hub until delivered. */
    ACCEPTED,
    /** Refused; the errors say why. Nothing was forwarded. */
    REJECTED
}
