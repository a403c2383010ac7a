package se.hjalpmedelsnav.hub.admin;

import java.time.OffsetDateTime;

/**
 * A message a stage (or the broker) gave up on, as operators see it: where it came from, why it was
 * parked and which message it is. Never its body: that may carry personal data.
 *
 * @param jmsMessageId the id to replay this one message by
 * @param originQueue where a replay puts it back; null when the message does not say
 */
public record ParkedMessage(String deadLetterQueue, String jmsMessageId, String originQueue, String kommunCode,
        String messageId, String hubReference, String messageType, String failedStage, String failureReason,
        OffsetDateTime parkedAt) {
}
