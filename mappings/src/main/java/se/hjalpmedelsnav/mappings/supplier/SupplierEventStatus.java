package se.hjalpmedelsnav.mappings.supplier;

/**
 * The status a supplier event carries; which statuses there are depends on the event's
 * {@link SupplierEventType}. Each type has its own enum, so the JSON keeps one {@code status} field.
 */
public sealed interface SupplierEventStatus permits SupplierOrderStatus, SupplierReturnStatus, SupplierFaultReportStatus {

    /** The status as it reads in the JSON, e.g. {@code DELIVERED}. */
    String name();
}
