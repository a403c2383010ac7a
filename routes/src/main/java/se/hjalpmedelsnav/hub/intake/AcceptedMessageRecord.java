package se.hjalpmedelsnav.hub.intake;

import java.time.OffsetDateTime;
import se.hjalpmedelsnav.mappings.message.KommunMessage;

/**
 * What a feature keeps of a message the intake accepts, beyond its receipt: recorded in the receipt's database
 * transaction ({@link ReceiptIssuer#issue}), so a message is recorded with all of it or not at all, and never twice.
 * The intake keeps no body; a feature that needs part of one later (the loan register: an order's decision and
 * user) records it here. It must write references only, never personal data in the clear.
 */
public interface AcceptedMessageRecord {

    void accepted(KommunMessage message, String hubReference, OffsetDateTime receivedAt);
}
