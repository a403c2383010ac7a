package se.hjalpmedelsnav.hub.console;

import java.util.Map;

/**
 * A municipality's messages in one window (received in it, by their state now).
 *
 * @param received        messages the hub answered with a receipt (those with a readable messageId)
 * @param accepted        of those, accepted
 * @param rejected        of those, rejected
 * @param rejectedByCode  rejected messages per error code of their receipt (a message with two codes counts for both)
 * @param delivered       of the accepted, handed to the supplier (or, an incident report, to Läkemedelsverket)
 * @param statusEventsOut supplier events passed on to the municipality in the window
 */
public record Traffic(long received, long accepted, long rejected, Map<String, Long> rejectedByCode, long delivered,
        long statusEventsOut) {

    static final Traffic NONE = new Traffic(0, 0, 0, Map.of(), 0, 0);
}
