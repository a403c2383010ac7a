package se.hjalpmedelsnav.hub.broker;

import se.hjalpmedelsnav.mappings.message.MessageType;

/** Names of the broker addresses the hub uses. All are anycast queues with the same name as their address. */
public final class Queues {

    /** Accepted messages waiting for delivery to the supplier, one queue per type. */
    public static final String ORDER_TO_SUPPLIER = "nav.internal.order.supplier";
    public static final String RETURN_TO_SUPPLIER = "nav.internal.return.supplier";
    public static final String FAULT_REPORT_TO_SUPPLIER = "nav.internal.fault-report.supplier";
    /** Accepted incident reports, waiting to be handed to their two recipients. */
    public static final String INCIDENT_REPORTS = "nav.internal.incident.reports";
    /** Incident reports waiting for delivery to Läkemedelsverket's channel, and their copies for the manufacturer. */
    public static final String INCIDENT_TO_AUTHORITY = "nav.internal.incident.authority";
    public static final String INCIDENT_TO_MANUFACTURER = "nav.internal.incident.manufacturer";
    /** Events from the supplier (webhook) waiting to be translated for the municipality. */
    public static final String SUPPLIER_EVENTS = "nav.internal.supplier.events";
    /** Messages a stage gave up on, with the reason in the {@code navFailureReason} property. */
    public static final String DLQ_KOMMUN_INTAKE = "nav.dlq.kommun.intake";
    public static final String DLQ_ORDER_TO_SUPPLIER = "nav.dlq.order.supplier";
    public static final String DLQ_RETURN_TO_SUPPLIER = "nav.dlq.return.supplier";
    public static final String DLQ_FAULT_REPORT_TO_SUPPLIER = "nav.dlq.fault-report.supplier";
    public static final String DLQ_SUPPLIER_EVENTS = "nav.dlq.supplier.events";
    public static final String DLQ_INCIDENT_REPORTS = "nav.dlq.incident.reports";
    public static final String DLQ_INCIDENT_TO_AUTHORITY = "nav.dlq.incident.authority";
    public static final String DLQ_INCIDENT_TO_MANUFACTURER = "nav.dlq.incident.manufacturer";
    /** Where the broker itself parks what no stage could handle (a safety net behind the stages' own parking). */
    public static final String DLQ_BROKER = "nav.dlq.broker";
    public static final String EXPIRED = "nav.expired";

    private Queues() {
    }

    /** Where an accepted message of that type waits for the supplier. */
    public static String toSupplier(MessageType type) {
        return switch (type) {
            case ORDER -> ORDER_TO_SUPPLIER;
            case RETURN -> RETURN_TO_SUPPLIER;
            case FAULT_REPORT -> FAULT_REPORT_TO_SUPPLIER;
            case INCIDENT_REPORT -> throw new IllegalArgumentException("incident reports do not go to the supplier");
        };
    }

    /** Where an accepted message of that type goes from the intake. */
    public static String forAccepted(MessageType type) {
        return type == MessageType.INCIDENT_REPORT ? INCIDENT_REPORTS : toSupplier(type);
    }

    public static String kommunIn(String kommunCode) {
        return "nav.kommun." + kommunCode + ".in";
    }

    public static String kommunOut(String kommunCode) {
        return "nav.kommun." + kommunCode + ".out";
    }
}
