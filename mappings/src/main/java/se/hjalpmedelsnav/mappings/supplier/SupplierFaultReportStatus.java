package se.hjalpmedelsnav.mappings.supplier;

/** Where a fault report stands at the supplier, as reported by a {@link SupplierEventType#FAULT_REPORT_STATUS} event. */
public enum SupplierFaultReportStatus implements SupplierEventStatus {
    /** The supplier has registered the work order (arbetsorder). */
    RECEIVED,
    /** A technician is on it. */
    IN_PROGRESS,
    /** The device is repaired. */
    RESOLVED,
    /** The device could not be repaired in place and was replaced; the event carries the new device id. */
    DEVICE_REPLACED,
    /** The supplier refused the fault report after taking it in (a status file in the file drop); {@code reason} says why. */
    REJECTED_BY_SUPPLIER
}
