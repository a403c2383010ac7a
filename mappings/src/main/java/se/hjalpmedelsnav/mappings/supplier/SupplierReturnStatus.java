package se.hjalpmedelsnav.mappings.supplier;

/** Where a return stands at the supplier, as reported by a {@link SupplierEventType#RETURN_STATUS} event. */
public enum SupplierReturnStatus implements SupplierEventStatus {
    /** The supplier has registered the pickup (hämtorder). */
    RECEIVED,
    /** The supplier has fetched the devices. */
    PICKED_UP,
    /** The supplier has written the lost devices off; nothing is fetched. */
    LOST_REGISTERED,
    /** The supplier refused the return after taking it in (a status file in the file drop); {@code reason} says why. */
    REJECTED_BY_SUPPLIER
}
