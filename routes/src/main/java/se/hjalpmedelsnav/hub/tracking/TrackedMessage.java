package se.hjalpmedelsnav.hub.tracking;

import java.time.OffsetDateTime;

/** One row of the tracking store: no personal data, only references, codes and the receipt. */
public record TrackedMessage(String hubReference, String kommunCode, String messageId, String messageType,
        String customerNumber, TrackingStatus status, String receiptJson, OffsetDateTime receivedAt) {
}
