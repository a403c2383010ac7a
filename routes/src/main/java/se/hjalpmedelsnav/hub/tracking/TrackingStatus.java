package se.hjalpmedelsnav.hub.tracking;

/** Where a message stands in the hub, as the tracking store records it. */
public enum TrackingStatus {
    /** Validated; held on a durable queue until delivered. */
    ACCEPTED,
    /** Refused with a receipt; nothing was forwarded. */
    REJECTED,
    /** The supplier's API took it. */
    SENT_TO_SUPPLIER,
    CONFIRMED,
    BACKORDERED,
    DELIVERED,
    CANCELLED,
    REJECTED_BY_SUPPLIER,
    /** An order the supplier took outside the hub, known to the hub from the supplier's Order Agreement. */
    REGISTERED_BY_SUPPLIER,
    /** Return or fault report registered by the supplier. */
    RECEIVED,
    PICKED_UP,
    LOST_REGISTERED,
    IN_PROGRESS,
    RESOLVED,
    DEVICE_REPLACED,
    /** An incident report: delivered through the channel to Läkemedelsverket, not yet confirmed. */
    SENT_TO_AUTHORITY,
    /** An incident report: Läkemedelsverket confirmed it has the report. */
    SUBMITTED,
    /** A stage gave up on it; it sits on a dead-letter queue with its reason. */
    PARKED
}
