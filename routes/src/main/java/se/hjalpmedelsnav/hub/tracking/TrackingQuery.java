package se.hjalpmedelsnav.hub.tracking;

/** Search of the tracking store; null fields do not restrict. */
public record TrackingQuery(String kommunCode, String messageId, String hubReference, String customerNumber,
        TrackingStatus status, int limit) {
}
