package se.hjalpmedelsnav.mappings.supplier;

/** Where an order stands at the supplier, as reported by an {@link SupplierEventType#ORDER_STATUS} event. */
public enum SupplierOrderStatus implements SupplierEventStatus {
    CONFIRMED,
    /** Not in stock; {@code expectedDeliveryDate} says when it is expected. */
    BACKORDERED,
    /** Delivered; the event carries the device ids (individnummer) of the units. */
    DELIVERED,
    CANCELLED
}
