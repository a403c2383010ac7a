package se.hjalpmedelsnav.mappings.message;

import java.time.OffsetDateTime;

/** What every message from a municipality carries. */
public interface KommunMessage {

    MessageType type();

    /** Unique per municipality, 1-64 chars of {@code [A-Za-z0-9._:-]}. */
    String messageId();

    /** The sender's 4-digit SCB municipality code. */
    String kommunCode();

    OffsetDateTime sentAt();
}
