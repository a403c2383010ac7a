package se.hjalpmedelsnav.hub.intake;

/**
 * Message properties the hub sets on its own sends. Only these (and the JMS correlation id) cross
 * from one stage to the next: a municipality's own properties never travel on.
 */
public final class IntakeHeaders {

    public static final String KOMMUN_CODE = "navKommunCode";
    public static final String MESSAGE_ID = "navMessageId";
    public static final String HUB_REFERENCE = "navHubReference";
    public static final String MESSAGE_TYPE = "navMessageType";
    /** On {@code .out}: RECEIPT or the status event's type, so a client can select what it reads. */
    public static final String EVENT_TYPE = "navEventType";
    /** On a dead-letter queue: why the stage gave up. Never personal data. */
    public static final String FAILURE_REASON = "navFailureReason";
    public static final String FAILED_STAGE = "navFailedStage";
    /** On a message replayed from a dead-letter queue through the admin API: how many times it was. */
    public static final String REPLAY_COUNT = "navReplayCount";
    /** Artemis duplicate detection: a resend with the same id is dropped by the broker. */
    public static final String BROKER_DUPLICATE_ID = "_AMQ_DUPL_ID";

    private IntakeHeaders() {
    }
}
