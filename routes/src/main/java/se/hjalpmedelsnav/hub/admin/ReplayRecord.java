package se.hjalpmedelsnav.hub.admin;

import java.time.OffsetDateTime;

/** One replay in the audit trail: who put which parked message back on which queue, when and how. */
public record ReplayRecord(String id, OffsetDateTime replayedAt, String replayedBy, String via,
        String deadLetterQueue, String targetQueue, String hubReference, String kommunCode, String messageId,
        String failedStage, String failureReason) {
}
