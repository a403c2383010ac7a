package se.hjalpmedelsnav.broker;

/**
 * Properties the hub sets on the messages it sends, and those it reads on a dead-letter queue. Only these
 * (and the JMS correlation id) cross from one stage to the next: a municipality's own properties never
 * travel on.
 */
public final class MessageProperties {

    public static final String KOMMUN_CODE = "navKommunCode";
    public static final String MESSAGE_ID = "navMessageId";
    public static final String HUB_REFERENCE = "navHubReference";
    public static final String MESSAGE_TYPE = "navMessageType";
    /** On {@code .out}: RECEIPT or the status event's type, so a client can select what it reads. */
    public static final String EVENT_TYPE = "navEventType";
    public static final String CORRELATION_ID = "JMSCorrelationID";
    /** On a message whose body names a protected user: the console masks its body wherever it waits. */
    public static final String PROTECTED = "navProtected";
    /** On a dead-letter queue: why the stage gave up. Never personal data. */
    public static final String FAILURE_REASON = "navFailureReason";
    public static final String FAILED_STAGE = "navFailedStage";
    /** On a dead-letter queue: how the stage gave up, {@code RETRIED} (after its attempts) or {@code PERMANENT}. */
    public static final String PARK_POLICY = "navParkPolicy";
    /** Artemis' own properties for where a dead letter came from; its console's "retry" reads them too. */
    public static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";
    public static final String ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";
    /** On a message replayed from a dead-letter queue through the admin API: how many times it was. */
    public static final String REPLAY_COUNT = "navReplayCount";
    /** Artemis duplicate detection: a resend with the same id is dropped by the broker. */
    public static final String BROKER_DUPLICATE_ID = "_AMQ_DUPL_ID";
    /**
     * The message group: the broker hands every message of one group to one consumer, in order. The supplier events
     * of one order (its hub reference) are a group, so that several consumers never pass DELIVERED on before
     * CONFIRMED.
     */
    public static final String GROUP_ID = "JMSXGroupID";
    /** The broker's delivery count of a message a stage consumed. */
    public static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    private MessageProperties() {
    }
}
