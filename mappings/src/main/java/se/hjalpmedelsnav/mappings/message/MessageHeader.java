package se.hjalpmedelsnav.mappings.message;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a refused body tells about itself, kept only where it has the contract's form: a field that
 * should hold a municipality code might hold anything, a personal identity number included.
 */
record MessageHeader(String messageId, String kommunCode, MessageType type) {

    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern KOMMUN_CODE = Pattern.compile("[0-9]{4}");

    static final MessageHeader NONE = new MessageHeader(null, null, null);

    static MessageHeader read(String messageId, String kommunCode, MessageType type) {
        return new MessageHeader(
                messageId != null && MESSAGE_ID.matcher(messageId).matches() ? messageId : null,
                kommunCode != null && KOMMUN_CODE.matcher(kommunCode).matches() ? kommunCode : null,
                type);
    }

    ParseResult.Rejected reject(BodyFormat format, List<ContractError> errors) {
        return new ParseResult.Rejected(messageId, kommunCode, type, format, errors);
    }

    ParseResult.Rejected reject(BodyFormat format, ContractError error) {
        return reject(format, List.of(error));
    }
}
