package se.hjalpmedelsnav.mappings.message;

import java.util.Locale;
import java.util.Objects;

/**
 * Turns the raw body of a municipality's message into a {@link KommunMessage}, or into every
 * contract error found in it. JSON or XML, chosen by the content type or the body's first character;
 * both are validated against their schema ({@code schema/kommun-message.schema.json},
 * {@code schema/kommun-message.xsd}), compiled once here.
 *
 * <p>Thread-safe. Error messages name fields and rules, never the values sent: a body may carry
 * personal identity numbers and names.
 */
public final class KommunMessageParser {

    private final ParserLimits limits;
    private final JsonMessageReader json;
    private final XmlMessageReader xml;

    public KommunMessageParser(ParserLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.json = new JsonMessageReader(limits);
        this.xml = new XmlMessageReader(limits);
    }

    /**
     * @param body        the message body as received
     * @param contentType the message's content type, or null; one containing {@code xml} means XML
     */
    public ParseResult parse(byte[] body, String contentType) {
        byte[] bytes = body == null ? new byte[0] : body;
        BodyFormat format = formatOf(bytes, contentType);
        if (bytes.length > limits.maxBytes()) {
            return MessageHeader.NONE.reject(format, ContractError.of(ErrorCode.MESSAGE_TOO_LARGE,
                    "body is larger than " + limits.maxBytes() + " bytes"));
        }
        if (isBlank(bytes)) {
            return MessageHeader.NONE.reject(format, ContractError.of(ErrorCode.MALFORMED, "body is empty"));
        }
        return format == BodyFormat.XML ? xml.read(bytes) : json.read(bytes);
    }

    static BodyFormat formatOf(byte[] body, String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("xml")) {
            return BodyFormat.XML;
        }
        return firstCharacter(body) == '<' ? BodyFormat.XML : BodyFormat.JSON;
    }

    /** The first character that is not white space, after a byte order mark, as a byte; -1 when there is none. */
    private static int firstCharacter(byte[] body) {
        boolean utf16 = startsWith(body, 0xFE, 0xFF) || startsWith(body, 0xFF, 0xFE);
        int start = startsWith(body, 0xEF, 0xBB, 0xBF) ? 3 : utf16 ? 2 : 0;
        for (int i = start; i < body.length; i++) {
            int c = body[i] & 0xFF;
            if (utf16 && c == 0) {
                continue; // the other half of an ASCII character in UTF-16
            }
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return c;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte[] body) {
        return firstCharacter(body) == -1;
    }
}
