package se.hjalpmedelsnav.mappings.message;

/** What a municipality hears about an accepted order after its receipt. */
public enum OrderStatus {
    CONFIRMED,
    BACKORDERED,
    /** Delivered; the event carries the device ids (individnummer). */
    DELIVERED,
    CANCELLED,
    /** The supplier refused the order; the event carries its reason as a SUPPLIER_REJECTED error. */
    REJECTED_BY_SUPPLIER
}
