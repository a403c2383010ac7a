package se.hjalpmedelsnav.mappings.message;

/** What a municipality hears about an accepted order after its receipt. */
public enum OrderStatus {
    CONFIRMED,
    BACKORDERED,
    /** Delivered; the event carries the device ids (individnummer). */
    DELIVERED,
    CANCELLED,
    /** The supplier refused the order; the event carries its reason as a SUPPLIER_REJECTED error. */
    REJECTED_BY_SUPPLIER,
    /**
     * The supplier took an order outside the hub (by phone, in its own screens) on one of the municipality's
     * customer numbers and registered it (a Peppol Order Agreement): the first event of an order the municipality
     * never sent through the hub; later events follow under the same hubReference.
     */
    REGISTERED_BY_SUPPLIER
}
