package se.hjalpmedelsnav.mappings.message;

/** The message types a municipality may send on its {@code .in} queue. */
public enum MessageType {
    ORDER,
    RETURN,
    FAULT_REPORT,
    INCIDENT_REPORT,
    BUFFER_WITHDRAWAL,
    /** A question to the hub's loan register, answered by the hub itself (LOANS on {@code .out}). */
    LOANS_REQUEST,
    /** Published in the schemas ahead of its handling: refused with UNKNOWN_MESSAGE_TYPE until then. */
    FOLLOW_UP_DONE
}
