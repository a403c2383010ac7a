package se.hjalpmedelsnav.mappings.supplier;

/** Where an order stands at the supplier, as reported by an {@link SupplierEventType#ORDER_STATUS} event. */
public enum SupplierOrderStatus implements SupplierEventStatus {
    CONFIRMED,
    /** Not in stock; {@code expectedDeliveryDate} says when it is expected. */
    BACKORDERED,
    /** Delivered; the event carries the device ids (individnummer) of the units. */
    DELIVERED,
    CANCELLED,
    /**
     * The supplier refused the order after taking it in (a Peppol OrderResponse with code RE in the file
     * drop); {@code reason} says why.
     */
    REJECTED_BY_SUPPLIER,
    /**
     * An order the supplier took outside the hub, registered by its Peppol Order Agreement in the file drop: never
     * pushed to the webhook (its schema does not list it), only made by the hub from an agreement file.
     */
    REGISTERED_BY_SUPPLIER
}
