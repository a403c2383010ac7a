package se.hjalpmedelsnav.mappings.supplier;

public enum SupplierReceiptStatus {
    /** The supplier holds the order; what happens to it next arrives as events. */
    RECEIVED
}
