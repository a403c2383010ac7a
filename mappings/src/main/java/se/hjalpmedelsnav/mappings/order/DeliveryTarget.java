package se.hjalpmedelsnav.mappings.order;

public enum DeliveryTarget {
    /** To the user's home: never allowed for a user with protected identity. */
    RECIPIENT,
    /** To the ordering unit (the customer number's unit). */
    UNIT,
    /** To the unit's buffer store (bufferförråd), whose address the registry holds. */
    BUFFER_STORE
}
