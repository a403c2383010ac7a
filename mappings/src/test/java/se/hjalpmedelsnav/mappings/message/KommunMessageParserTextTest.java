package se.hjalpmedelsnav.mappings.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.hjalpmedelsnav.mappings.order.OrderMessage;

/**
 * Text the contract never holds: an unpaired UTF-16 surrogate (no character, and a frame an AMQP client
 * such as rhea cannot decode when it comes back) and control characters. Refused at the door with
 * SCHEMA_INVALID on the field, in JSON and in XML, as the text itself is never repeated.
 */
class KommunMessageParserTextTest {

    private static final KommunMessageParser PARSER = new KommunMessageParser(ParserLimits.defaults());
    private static final String NAME = "\"Fiktiva Arbetsterapeut\"";
    private static final String MESSAGE_ID = "\"1480-2026-000123\"";

    /** JSON text as a municipality's JSON writer might write it: escapes no Java string can be written from. */
    static Stream<Arguments> jsonWithUnpairedSurrogates() {
        return Stream.of(
                arguments("a high surrogate", NAME, "\"Fiktiva\\ud800Arbetsterapeut\"", "orderer.name"),
                arguments("a low surrogate alone", NAME, "\"Fiktiva\\uDC00Arbetsterapeut\"", "orderer.name"),
                arguments("a high surrogate before a letter", NAME, "\"Fiktiva\\ud800A\"", "orderer.name"),
                arguments("a high surrogate before another high one", NAME, "\"Fiktiva\\ud800\\ud800\\udc00\"",
                        "orderer.name"),
                arguments("a high surrogate at the end", NAME, "\"Fiktiva\\ud83d\"", "orderer.name"),
                arguments("a low surrogate before its high one", NAME, "\"Fiktiva\\ude00\\ud83d\"", "orderer.name"),
                arguments("a surrogate in the messageId", MESSAGE_ID, "\"1480-2026-\\ud800\"", "messageId"),
                arguments("a surrogate in a line", "\"DA-1001\"", "\"DA-\\udfff1001\"", "lines[0].articleNumber"),
                arguments("a surrogate in the note", "\"Ring före leverans & vänta i trappan.\"",
                        "\"Ring \\ud800\"", "note"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonWithUnpairedSurrogates")
    void refusesJsonTextWithAnUnpairedSurrogateOnItsField(String why, String piece, String replacement,
            String field) {
        String json = new String(OrderBody.valid().json(), StandardCharsets.UTF_8);
        assertThat(json).contains(piece);

        ParseResult.Rejected rejected = rejected(json.replace(piece, replacement), "application/json");

        assertThat(rejected.errors()).extracting(ContractError::code, ContractError::field)
                .contains(tuple(ErrorCode.SCHEMA_INVALID, field));
        assertThat(rejected.errors()).filteredOn(error -> field.equals(error.field()))
                .extracting(ContractError::message).contains(JsonMessageReader.UNPAIRED_SURROGATE);
        assertThat(rejected.errors()).extracting(ContractError::message)
                .noneMatch(WellFormedText::hasUnpairedSurrogate);
        assertThat(rejected.messageId()).as("the messageId the receipt echoes")
                .isEqualTo(field.equals("messageId") ? null : "1480-2026-000123");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("xmlWithSurrogatesOrControlCharacters")
    void refusesXmlTextWithASurrogateOrAControlCharacterOnItsField(String why, byte[] body, String field,
            String message) {
        ParseResult.Rejected rejected = rejected(body, "application/xml");

        assertThat(rejected.errors()).containsExactly(ContractError.of(ErrorCode.SCHEMA_INVALID, field, message));
    }

    static Stream<Arguments> xmlWithSurrogatesOrControlCharacters() {
        return Stream.of(
                arguments("hexadecimal reference to a high surrogate",
                        xml("Fiktiva Arbetsterapeut", "Fiktiva&#xD800;Arbetsterapeut"), "orderer.name",
                        DocumentWalk.SURROGATE),
                arguments("decimal reference to a high surrogate",
                        xml("Fiktiva Arbetsterapeut", "Fiktiva&#55296;Arbetsterapeut"), "orderer.name",
                        DocumentWalk.SURROGATE),
                arguments("reference to a low surrogate", xml("DA-1001", "DA-&#xdc00;1001"),
                        "lines[0].articleNumber", DocumentWalk.SURROGATE),
                arguments("a pair written as two references", xml("Fiktiva Arbetsterapeut", "&#xD83D;&#xDE00;"),
                        "orderer.name", DocumentWalk.SURROGATE),
                arguments("reference to a surrogate in the messageId",
                        xml("1480-2026-000123", "1480-2026-&#xD800;"), "messageId", DocumentWalk.SURROGATE),
                arguments("a lone surrogate in a UTF-16 body",
                        utf16(new String(OrderBody.valid().xml(), StandardCharsets.UTF_8)
                                .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16BE\"")
                                .replace("Fiktiva Arbetsterapeut", "Fiktiva\uD800Arbetsterapeut")),
                        "orderer.name", DocumentWalk.SURROGATE),
                arguments("reference to NUL", xml("Fiktiva Arbetsterapeut", "Fiktiva&#0;Arbetsterapeut"),
                        "orderer.name", DocumentWalk.CONTROL_CHARACTERS),
                arguments("reference to an escape", xml("Fiktiva Arbetsterapeut", "Fiktiva&#x1B;[2J"),
                        "orderer.name", DocumentWalk.CONTROL_CHARACTERS),
                arguments("DEL, which XML allows", xml("Fiktiva Arbetsterapeut", "Fiktiva\u007FArbetsterapeut"),
                        "orderer.name", DocumentWalk.CONTROL_CHARACTERS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormedText")
    void acceptsCharactersBeyondTheBasicPlaneWrittenProperly(String why, byte[] body, String contentType) {
        ParseResult result = PARSER.parse(body, contentType);

        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        assertThat(((OrderMessage) ((ParseResult.Parsed) result).message()).orderer().name())
                .isEqualTo("Fiktiva \uD83D\uDE00");
    }

    static Stream<Arguments> wellFormedText() {
        String json = new String(OrderBody.valid().json(), StandardCharsets.UTF_8);
        return Stream.of(
                arguments("JSON: a surrogate pair as escapes", json.replace(NAME, "\"Fiktiva \\ud83d\\ude00\"")
                        .getBytes(StandardCharsets.UTF_8), "application/json"),
                arguments("JSON: the character itself in UTF-8", json.replace(NAME, "\"Fiktiva \uD83D\uDE00\"")
                        .getBytes(StandardCharsets.UTF_8), "application/json"),
                arguments("XML: a reference to the code point", xml("Fiktiva Arbetsterapeut", "Fiktiva &#x1F600;"),
                        "application/xml"),
                arguments("XML: the character itself in UTF-8", xml("Fiktiva Arbetsterapeut", "Fiktiva \uD83D\uDE00"),
                        "application/xml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bytesThatAreNoText")
    void refusesASurrogateEncodedInUtf8AsABodyThatIsNotText(String why, byte[] body, String contentType) {
        ParseResult.Rejected rejected = rejected(body, contentType);

        assertThat(rejected.errors()).extracting(ContractError::code).containsExactly(ErrorCode.MALFORMED);
    }

    static Stream<Arguments> bytesThatAreNoText() {
        // ED A0 80: U+D800 as a UTF-8 encoder that does not check would write it; UTF-8 has no such sequence.
        byte[] surrogate = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};
        return Stream.of(
                arguments("JSON", splice(OrderBody.valid().json(), "Fiktiva", surrogate), "application/json"),
                arguments("XML", splice(OrderBody.valid().xml(), "Fiktiva", surrogate), "application/xml"));
    }

    private static byte[] xml(String piece, String replacement) {
        String xml = new String(OrderBody.valid().xml(), StandardCharsets.UTF_8);
        assertThat(xml).contains(piece);
        return xml.replace(piece, replacement).getBytes(StandardCharsets.UTF_8);
    }

    /** UTF-16BE code unit by code unit, so a lone surrogate stays what it is (an encoder would replace it). */
    private static byte[] utf16(String text) {
        byte[] bytes = new byte[text.length() * 2];
        for (int i = 0; i < text.length(); i++) {
            bytes[2 * i] = (byte) (text.charAt(i) >> 8);
            bytes[2 * i + 1] = (byte) text.charAt(i);
        }
        return bytes;
    }

    /** The body with those bytes put in after the first occurrence of {@code after}. */
    private static byte[] splice(byte[] body, String after, byte[] inserted) {
        String text = new String(body, StandardCharsets.UTF_8);
        int at = text.substring(0, text.indexOf(after) + after.length()).getBytes(StandardCharsets.UTF_8).length;
        byte[] spliced = new byte[body.length + inserted.length];
        System.arraycopy(body, 0, spliced, 0, at);
        System.arraycopy(inserted, 0, spliced, at, inserted.length);
        System.arraycopy(body, at, spliced, at + inserted.length, body.length - at);
        return spliced;
    }

    private static ParseResult.Rejected rejected(String body, String contentType) {
        return rejected(body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    private static ParseResult.Rejected rejected(byte[] body, String contentType) {
        ParseResult result = PARSER.parse(body, contentType);
        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        return (ParseResult.Rejected) result;
    }
}
