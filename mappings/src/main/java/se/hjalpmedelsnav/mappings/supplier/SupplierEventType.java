package se.hjalpmedelsnav.mappings.supplier;

import java.util.Arrays;

/** What a supplier event is about, and so which reference and which statuses it carries. */
public enum SupplierEventType {
    ORDER_STATUS(SupplierOrderStatus.class),
    RETURN_STATUS(SupplierReturnStatus.class),
    FAULT_REPORT_STATUS(SupplierFaultReportStatus.class);

    private final Class<? extends Enum<?>> statuses;

    <S extends Enum<S> & SupplierEventStatus> SupplierEventType(Class<S> statuses) {
        this.statuses = statuses;
    }

    /** The status of this type named {@code name}. */
    public SupplierEventStatus status(String name) {
        return Arrays.stream(statuses.getEnumConstants())
                .map(SupplierEventStatus.class::cast)
                .filter(status -> status.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("status is not one of " + name() + "'s statuses"));
    }

    /** Whether {@code status} is one of this type's statuses. */
    public boolean allows(SupplierEventStatus status) {
        return statuses.isInstance(status);
    }
}
