package se.hjalpmedelsnav.mappings.message;

/** The message types a municipality may send on its {@code .in} queue. */
public enum MessageType {
    ORDER,
    RETURN,
    FAULT_REPORT,
    INCIDENT_REPORT,
    BUFFER_WITHDRAWAL
}
