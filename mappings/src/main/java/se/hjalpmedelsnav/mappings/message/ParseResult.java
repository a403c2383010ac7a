package se.hjalpmedelsnav.mappings.message;

import java.util.List;

/** What {@link KommunMessageParser#parse} made of a body: a message that passed the schema, or why not. */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.Rejected {

    BodyFormat format();

    /** The body is well-formed, of a supported type, and valid against its schema. */
    record Parsed(KommunMessage message, BodyFormat format) implements ParseResult {
    }

    /**
     * The body was refused. What could be read of its header travels along so the hub can address
     * and correlate its receipt.
     *
     * @param messageId  the body's messageId, or null when absent or not of the contract's form
     * @param kommunCode the body's kommunCode, or null when absent or not four digits
     * @param type       the message type the body claims, or null when it names none the hub knows
     * @param errors     every error found, never empty
     */
    record Rejected(String messageId, String kommunCode, MessageType type, BodyFormat format,
            List<ContractError> errors) implements ParseResult {

        public Rejected {
            errors = List.copyOf(errors);
        }
    }
}
