package se.hjalpmedelsnav.mappings.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import se.hjalpmedelsnav.mappings.order.DeliveryTarget;
import se.hjalpmedelsnav.mappings.order.IdentityProtection;
import se.hjalpmedelsnav.mappings.order.OrderLine;
import se.hjalpmedelsnav.mappings.order.OrderMessage;
import se.hjalpmedelsnav.mappings.order.OrderProcess;

class KommunMessageParserTest {

    private static final KommunMessageParser PARSER = new KommunMessageParser(ParserLimits.defaults());
    private static final String XML_NS = " xmlns=\"" + OrderBody.NAMESPACE + "\"";

    @Test
    void parsesTheSameOrderFromJsonAndXmlToEqualRecords() {
        ParseResult json = PARSER.parse(OrderBody.fixture("messages/order-valid.json"), "application/json");
        ParseResult xml = PARSER.parse(OrderBody.fixture("messages/order-valid.xml"), "application/xml");

        assertThat(json).isInstanceOf(ParseResult.Parsed.class);
        assertThat(xml).isInstanceOf(ParseResult.Parsed.class);
        assertThat(json.format()).isEqualTo(BodyFormat.JSON);
        assertThat(xml.format()).isEqualTo(BodyFormat.XML);
        assertThat(((ParseResult.Parsed) xml).message()).isEqualTo(((ParseResult.Parsed) json).message());
    }

    @Test
    void readsEveryMemberOfTheOrder() {
        OrderMessage order = parsedOrder(OrderBody.fixture("messages/order-valid.xml"), null);

        assertThat(order.type()).isEqualTo(MessageType.ORDER);
        assertThat(order.messageId()).isEqualTo("1480-2026-000123");
        assertThat(order.kommunCode()).isEqualTo("1480");
        assertThat(order.sentAt()).isEqualTo(OffsetDateTime.parse("2026-11-23T10:15:00+01:00"));
        assertThat(order.orderer().role()).isEqualTo("ARBETSTERAPEUT");
        assertThat(order.orderer().forPrivateContractor()).isFalse();
        assertThat(order.customerNumber()).isEqualTo("K1480-01");
        assertThat(order.payerNumber()).isEqualTo("B1480-01");
        assertThat(order.decision().process()).isEqualTo(OrderProcess.AUTHORITY);
        assertThat(order.decision().decidedAt()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(order.recipient().personalIdentityNumber()).isEqualTo(OrderBody.PERSONAL_IDENTITY_NUMBER);
        assertThat(order.recipient().protection()).isEqualTo(IdentityProtection.NONE);
        assertThat(order.recipient().guardian().name()).isEqualTo("Fiktiv Godman");
        assertThat(order.delivery().target()).isEqualTo(DeliveryTarget.RECIPIENT);
        assertThat(order.delivery().address().postalCode()).isEqualTo("412 63");
        assertThat(order.delivery().contact().phone()).isEqualTo("031-765 43 21");
        assertThat(order.riskAnalysisDone()).isTrue();
        assertThat(order.consentObtained()).isTrue();
        assertThat(order.lines()).containsExactly(new OrderLine("DA-1001", 1), new OrderLine("DA-2002", 2));
        assertThat(order.note()).isEqualTo("Ring före leverans & vänta i trappan.");
    }

    @Test
    void keepsTheSendersOffsetOfSentAt() {
        OrderMessage order = parsedOrder(OrderBody.valid().with("sentAt", "2026-07-01T08:00:00+02:00").json(), null);

        assertThat(order.sentAt().getOffset().getTotalSeconds()).isEqualTo(7200);
    }

    @Test
    void parsesAnOrderWithoutItsOptionalMembersAlikeInBothFormats() {
        OrderBody body = OrderBody.valid()
                .without("note").without("riskAnalysisDone").without("consentObtained")
                .without("orderer.phone").without("recipient.guardian").without("delivery.address")
                .with("delivery.target", "BUFFER_STORE")
                .with("orderer.privateContractorOrgNumber", "556677-8899");

        OrderMessage fromJson = parsedOrder(body.json(), null);
        OrderMessage fromXml = parsedOrder(body.xml(), null);

        assertThat(fromXml).isEqualTo(fromJson);
        assertThat(fromJson.riskAnalysisDone()).isNull();
        assertThat(fromJson.delivery().address()).isNull();
        assertThat(fromJson.orderer().privateContractorOrgNumber()).isEqualTo("556677-8899");
    }

    static Stream<Arguments> formats() {
        String xml = new String(OrderBody.valid().xml(), StandardCharsets.UTF_8);
        String json = new String(OrderBody.valid().json(), StandardCharsets.UTF_8);
        return Stream.of(
                arguments(named("JSON without content type", json), null, BodyFormat.JSON),
                arguments(named("JSON as application/json", json), "application/json", BodyFormat.JSON),
                arguments(named("XML without content type", xml), null, BodyFormat.XML),
                arguments(named("XML after a BOM", "\uFEFF" + xml), null, BodyFormat.XML),
                arguments(named("XML without declaration after white space",
                        " \r\n\t" + xml.substring(xml.indexOf("<order"))), null, BodyFormat.XML),
                arguments(named("XML as text/xml with charset", xml), "text/xml; charset=UTF-8", BodyFormat.XML),
                arguments(named("XML as application/xml", xml), "application/xml", BodyFormat.XML),
                arguments(named("a body starting with < sent as JSON", xml), "application/json", BodyFormat.XML));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void choosesTheFormatByContentTypeOrFirstCharacter(String body, String contentType, BodyFormat expected) {
        ParseResult result = PARSER.parse(body.getBytes(StandardCharsets.UTF_8), contentType);

        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        assertThat(result.format()).isEqualTo(expected);
    }

    @Test
    void readsXmlInUtf16WithAByteOrderMark() {
        String xml = new String(OrderBody.valid().xml(), StandardCharsets.UTF_8).replace("UTF-8", "UTF-16");

        ParseResult result = PARSER.parse(xml.getBytes(StandardCharsets.UTF_16), null);

        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        assertThat(result.format()).isEqualTo(BodyFormat.XML);
    }

    static Stream<Arguments> brokenBodies() {
        String validJson = new String(OrderBody.valid().json(), StandardCharsets.UTF_8);
        String deepJson = "{\"type\":\"ORDER\",\"note\":" + "[".repeat(40) + "]".repeat(40) + "}";
        String deepXml = "<order" + XML_NS + "><type>ORDER</type>" + "<x>".repeat(40) + "</x>".repeat(40) + "</order>";
        return Stream.of(
                broken("empty body", "", null, ErrorCode.MALFORMED, null),
                broken("white space only", " \r\n\t", null, ErrorCode.MALFORMED, null),
                broken("not JSON", "ORDER please", null, ErrorCode.MALFORMED, null),
                broken("truncated JSON", validJson.substring(0, validJson.length() / 2), null, ErrorCode.MALFORMED,
                        null),
                broken("JSON with trailing content", validJson + " {}", null, ErrorCode.MALFORMED, null),
                broken("JSON with a member twice", "{\"type\":\"ORDER\",\"type\":\"RETURN\"}", null,
                        ErrorCode.MALFORMED, null),
                broken("JSON that is not an object", "[1, 2]", null, ErrorCode.SCHEMA_INVALID, null),
                broken("XML not well-formed", "<order" + XML_NS + "><type>ORDER</type><note>x</order>", null,
                        ErrorCode.MALFORMED, null),
                broken("XML truncated", "<order" + XML_NS + "><type>ORDER</ty", null, ErrorCode.MALFORMED, null),
                broken("XML declared by content type but JSON", validJson, "application/xml", ErrorCode.MALFORMED,
                        null),
                broken("body too large", " ".repeat(300 * 1024) + validJson, null, ErrorCode.MESSAGE_TOO_LARGE, null),
                broken("XML too large", "<order" + XML_NS + ">" + "<x/>".repeat(70_000) + "</order>", null,
                        ErrorCode.MESSAGE_TOO_LARGE, null),
                broken("JSON nested too deep", deepJson, null, ErrorCode.MALFORMED, null),
                broken("XML nested too deep", deepXml, null, ErrorCode.MALFORMED, null),
                broken("JSON with a huge string", "{\"type\":\"ORDER\",\"note\":\"" + "x".repeat(100_000) + "\"}", null,
                        ErrorCode.MALFORMED, null),
                broken("JSON with a huge member name", "{\"" + "x".repeat(100_000) + "\":1}", null,
                        ErrorCode.MALFORMED, null),
                broken("XML with a huge text", "<order" + XML_NS + "><type>ORDER</type><note>" + "x".repeat(100_000)
                        + "</note></order>", null, ErrorCode.MALFORMED, null),
                broken("JSON without type", "{\"messageId\":\"m-1\"}", null, ErrorCode.SCHEMA_INVALID, "type"),
                broken("JSON of an unknown type", "{\"type\":\"INVOICE\"}", null, ErrorCode.UNKNOWN_MESSAGE_TYPE,
                        "type"),
                broken("JSON with a type that is not a string", "{\"type\":42}", null,
                        ErrorCode.UNKNOWN_MESSAGE_TYPE, "type"),
                broken("JSON of a lower-case type", "{\"type\":\"return\"}", null, ErrorCode.UNKNOWN_MESSAGE_TYPE,
                        "type"),
                broken("XML of an unknown root", "<invoice" + XML_NS + "/>", null, ErrorCode.UNKNOWN_MESSAGE_TYPE,
                        null),
                broken("XML order in another namespace",
                        new String(OrderBody.valid().xml(), StandardCharsets.UTF_8)
                                .replace(OrderBody.NAMESPACE, "urn:example:other"),
                        null, ErrorCode.UNKNOWN_MESSAGE_TYPE, null),
                broken("XML order in no namespace", "<order><type>ORDER</type></order>", null,
                        ErrorCode.UNKNOWN_MESSAGE_TYPE, null),
                broken("XML with text in an element holding elements",
                        new String(OrderBody.valid().xml(), StandardCharsets.UTF_8)
                                .replace("<delivery>", "<delivery>at the door"),
                        null, ErrorCode.SCHEMA_INVALID, "delivery"),
                broken("XML with an attribute", new String(OrderBody.valid().xml(), StandardCharsets.UTF_8)
                        .replace("<orderer>", "<orderer primary=\"yes\">"), null, ErrorCode.SCHEMA_INVALID,
                        "orderer"),
                broken("XML with a child in a text element", new String(OrderBody.valid().xml(), StandardCharsets.UTF_8)
                        .replace("<payerNumber>B1480-01", "<payerNumber><b/>B1480-01"), null,
                        ErrorCode.SCHEMA_INVALID, "payerNumber"),
                broken("XML with members out of order", new String(OrderBody.valid().xml(), StandardCharsets.UTF_8)
                        .replace("<id>at-4711</id><name>Fiktiva Arbetsterapeut</name>",
                                "<name>Fiktiva Arbetsterapeut</name><id>at-4711</id>"), null,
                        ErrorCode.SCHEMA_INVALID, "orderer.name"),
                broken("XML with a member twice", new String(OrderBody.valid().xml(), StandardCharsets.UTF_8)
                        .replace("<payerNumber>B1480-01</payerNumber>",
                                "<payerNumber>B1480-01</payerNumber><payerNumber>B1480-02</payerNumber>"), null,
                        ErrorCode.SCHEMA_INVALID, "payerNumber"),
                broken("XML with a later member first", new String(OrderBody.valid().xml(), StandardCharsets.UTF_8)
                        .replace("<delivery>", "<note>early</note><delivery>"), null,
                        ErrorCode.SCHEMA_INVALID, "note"),
                broken("JSON with a string quantity", OrderBody.valid().with("lines[0].quantity", "2").json(), null,
                        ErrorCode.SCHEMA_INVALID, "lines[0].quantity"),
                broken("JSON with a fractional quantity", OrderBody.valid().with("lines[0].quantity", 1.5).json(),
                        null, ErrorCode.SCHEMA_INVALID, "lines[0].quantity"),
                broken("JSON with a string for an object", OrderBody.valid().with("orderer", "Fiktiva").json(), null,
                        ErrorCode.SCHEMA_INVALID, "orderer"),
                broken("JSON with an object for a list", OrderBody.valid().with("lines", OrderBody.valid()
                        .at("lines[0]")).json(), null, ErrorCode.SCHEMA_INVALID, "lines"),
                broken("JSON with null for a string", OrderBody.valid().with("customerNumber", null).json(), null,
                        ErrorCode.SCHEMA_INVALID, "customerNumber"),
                broken("JSON with a number for a string", OrderBody.valid().with("kommunCode", 1480).json(), null,
                        ErrorCode.SCHEMA_INVALID, "kommunCode"),
                broken("JSON with a string for a boolean", OrderBody.valid().with("consentObtained", "true").json(),
                        null, ErrorCode.SCHEMA_INVALID, "consentObtained"),
                broken("XML with 1 for true", new String(OrderBody.valid().xml(), StandardCharsets.UTF_8)
                        .replace("<consentObtained>true", "<consentObtained>1"), null, ErrorCode.SCHEMA_INVALID,
                        "consentObtained"),
                broken("XML with a quantity that is not a number", new String(OrderBody.valid().xml(),
                        StandardCharsets.UTF_8).replace("<quantity>2<", "<quantity>two<"), null,
                        ErrorCode.SCHEMA_INVALID, "lines[1].quantity"),
                broken("XML with a type other than its root's", new String(OrderBody.valid().xml(),
                        StandardCharsets.UTF_8).replace("<type>ORDER<", "<type>RETURN<"), null,
                        ErrorCode.SCHEMA_INVALID, "type"));
    }

    private static Arguments broken(String name, Object body, String contentType, ErrorCode code, String field) {
        byte[] bytes = body instanceof byte[] raw ? raw : ((String) body).getBytes(StandardCharsets.UTF_8);
        return arguments(named(name, bytes), contentType, code, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenBodies")
    void rejectsABrokenBodyWithOneErrorNamingCodeAndField(byte[] body, String contentType, ErrorCode code,
            String field) {
        ParseResult.Rejected rejected = rejected(PARSER.parse(body, contentType));

        assertThat(rejected.errors()).hasSize(1);
        assertThat(rejected.errors().get(0).code()).isEqualTo(code);
        assertThat(rejected.errors().get(0).field()).isEqualTo(field);
        assertThat(rejected.errors().get(0).message()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(value = MessageType.class, names = {"RETURN", "FAULT_REPORT", "INCIDENT_REPORT"})
    void validatesEveryContractTypeAgainstItsOwnDefinitionRatherThanRefusingIt(MessageType type) {
        ParseResult.Rejected rejected = rejected(PARSER.parse(("{\"type\":\"" + type
                + "\",\"messageId\":\"r-1\",\"kommunCode\":\"1480\"}").getBytes(StandardCharsets.UTF_8), null));

        assertThat(rejected.errors()).isNotEmpty().allSatisfy(error -> {
            assertThat(error.code()).isEqualTo(ErrorCode.SCHEMA_INVALID);
            assertThat(error.message()).doesNotContain("not supported");
        });
        assertThat(rejected.errors()).contains(required("sentAt"));
        assertThat(rejected.type()).isEqualTo(type);
        assertThat(rejected.messageId()).isEqualTo("r-1");
    }

    @Test
    void namesTheNestingLimitWhenABodyIsTooDeep() {
        ParseResult.Rejected rejected = rejected(PARSER.parse(
                ("{\"note\":" + "[".repeat(40) + "]".repeat(40) + "}").getBytes(StandardCharsets.UTF_8), null));

        assertThat(rejected.errors().get(0).message()).isEqualTo("body is nested deeper than 32 levels");
    }

    @Test
    void givesThePlaceOfAJsonSyntaxError() {
        ParseResult.Rejected rejected = rejected(PARSER.parse(
                "{\n  \"type\": \"ORDER\",\n  \"note\" \"x\"\n}".getBytes(StandardCharsets.UTF_8), null));

        assertThat(rejected.errors().get(0).message()).isEqualTo("body is not well-formed JSON (line 3, column 10)");
    }

    static Stream<Arguments> invalidOrders() {
        return Stream.of(
                invalid("type missing", body -> body.without("type"), "type"),
                invalid("orderer missing", body -> body.without("orderer"), "orderer"),
                invalid("orderer's role missing", body -> body.without("orderer.role"), "orderer.role"),
                invalid("recipient's name missing", body -> body.without("recipient.name"), "recipient.name"),
                invalid("guardian's name missing", body -> body.without("recipient.guardian.name"),
                        "recipient.guardian.name"),
                invalid("street missing", body -> body.without("delivery.address.street"),
                        "delivery.address.street"),
                invalid("delivery contact missing", body -> body.without("delivery.contact"), "delivery.contact"),
                invalid("a line's quantity missing", body -> body.without("lines[0].quantity"), "lines[0].quantity"),
                invalid("lines missing", body -> body.without("lines"), "lines"),
                invalid("no lines", body -> body.with("lines", List.of()), "lines"),
                invalid("101 lines", body -> body.with("lines", Collections.nCopies(101,
                        new OrderLine("DA-1001", 1))), "lines"),
                invalid("a line with an extra member", body -> body.with("lines[1].colour", "red"), "lines[1].colour"),
                invalid("an extra member", body -> body.with("priority", "HIGH"), "priority"),
                invalid("an extra member of orderer", body -> body.with("orderer.nickname", "Fia"), "orderer.nickname"),
                invalid("unknown process", body -> body.with("decision.process", "MAYBE"), "decision.process"),
                invalid("unknown protection", body -> body.with("recipient.protection", "SECRET"),
                        "recipient.protection"),
                invalid("unknown delivery target", body -> body.with("delivery.target", "MOON"), "delivery.target"),
                invalid("messageId with a space", body -> body.with("messageId", "order 1"), "messageId"),
                invalid("messageId of 65 characters", body -> body.with("messageId", "m".repeat(65)), "messageId"),
                invalid("messageId empty", body -> body.with("messageId", ""), "messageId"),
                invalid("kommunCode of 3 digits", body -> body.with("kommunCode", "148"), "kommunCode"),
                invalid("sentAt without offset", body -> body.with("sentAt", "2026-11-23T10:15:00"), "sentAt"),
                invalid("sentAt not a time", body -> body.with("sentAt", "yesterday"), "sentAt"),
                invalid("decidedAt a day that does not exist", body -> body.with("decision.decidedAt", "2026-02-30"),
                        "decision.decidedAt"),
                invalid("decidedAt with a time", body -> body.with("decision.decidedAt", "2026-11-20T10:00:00Z"),
                        "decision.decidedAt"),
                invalid("postal code of letters", body -> body.with("delivery.address.postalCode", "ABCDE"),
                        "delivery.address.postalCode"),
                invalid("personal identity number of the wrong form",
                        body -> body.with("recipient.personalIdentityNumber", "12-34"),
                        "recipient.personalIdentityNumber"),
                invalid("organisation number of the wrong form",
                        body -> body.with("orderer.privateContractorOrgNumber", "55-66"),
                        "orderer.privateContractorOrgNumber"),
                invalid("quantity 0", body -> body.with("lines[1].quantity", 0), "lines[1].quantity"),
                invalid("quantity 1000", body -> body.with("lines[1].quantity", 1000), "lines[1].quantity"),
                invalid("payer number empty", body -> body.with("payerNumber", ""), "payerNumber"),
                invalid("customer number of 33 characters", body -> body.with("customerNumber", "K".repeat(33)),
                        "customerNumber"),
                invalid("note of 1001 characters", body -> body.with("note", "n".repeat(1001)), "note"),
                invalid("risk analysis not a boolean", body -> body.with("riskAnalysisDone", "yes"),
                        "riskAnalysisDone"));
    }

    private static Arguments invalid(String name, UnaryOperator<OrderBody> change, String field) {
        return arguments(named(name, change), field);
    }

    @ParameterizedTest(name = "JSON: {0}")
    @MethodSource("invalidOrders")
    void rejectsAnInvalidJsonOrderNamingTheField(UnaryOperator<OrderBody> change, String field) {
        assertRejectedOnlyFor(PARSER.parse(change.apply(OrderBody.valid()).json(), null), field);
    }

    @ParameterizedTest(name = "XML: {0}")
    @MethodSource("invalidOrders")
    void rejectsAnInvalidXmlOrderNamingTheSameField(UnaryOperator<OrderBody> change, String field) {
        assertRejectedOnlyFor(PARSER.parse(change.apply(OrderBody.valid()).xml(), null), field);
    }

    private static void assertRejectedOnlyFor(ParseResult result, String field) {
        ParseResult.Rejected rejected = rejected(result);
        assertThat(rejected.errors()).isNotEmpty().allSatisfy(error -> {
            assertThat(error.code()).isEqualTo(ErrorCode.SCHEMA_INVALID);
            assertThat(error.field()).isEqualTo(field);
        });
    }

    @ParameterizedTest
    @EnumSource(BodyFormat.class)
    void reportsEveryMissingRequiredFieldAtOnce(BodyFormat format) {
        OrderBody body = OrderBody.valid()
                .without("customerNumber").without("orderer.id").without("orderer.role")
                .without("decision.process").without("lines[0].quantity").without("delivery.contact");

        ParseResult.Rejected rejected = rejected(PARSER.parse(format == BodyFormat.JSON ? body.json() : body.xml(),
                null));

        assertThat(rejected.errors()).containsExactlyInAnyOrder(
                required("customerNumber"), required("orderer.id"), required("orderer.role"),
                required("decision.process"), required("lines[0].quantity"), required("delivery.contact"));
    }

    @ParameterizedTest
    @EnumSource(BodyFormat.class)
    void reportsErrorsOfDifferentKindsTogether(BodyFormat format) {
        OrderBody body = OrderBody.valid()
                .with("decision.process", "MAYBE").with("lines[1].quantity", 0).with("orderer.nickname", "Fia")
                .without("recipient.protection");

        ParseResult.Rejected rejected = rejected(PARSER.parse(format == BodyFormat.JSON ? body.json() : body.xml(),
                null));

        assertThat(rejected.errors()).containsExactlyInAnyOrder(
                ContractError.of(ErrorCode.SCHEMA_INVALID, "decision.process", "must be one of AUTHORITY, EXECUTION"),
                ContractError.of(ErrorCode.SCHEMA_INVALID, "lines[1].quantity", "must be at least 1"),
                ContractError.of(ErrorCode.SCHEMA_INVALID, "orderer.nickname", "is not part of the contract"),
                required("recipient.protection"));
    }

    @Test
    void buildsItsMessagesAlikeWhateverTheDefaultLocale() {
        byte[] body = OrderBody.valid().with("decision.process", "MAYBE").with("payerNumber", "").xml();
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            ParseResult.Rejected rejected = rejected(new KommunMessageParser(ParserLimits.defaults()).parse(body, null));

            assertThat(rejected.errors()).containsExactly(
                    ContractError.of(ErrorCode.SCHEMA_INVALID, "payerNumber", "must not be empty"),
                    ContractError.of(ErrorCode.SCHEMA_INVALID, "decision.process", "must be one of AUTHORITY, EXECUTION"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @ParameterizedTest
    @EnumSource(BodyFormat.class)
    void rejectionCarriesTheHeaderSoTheReceiptCanBeCorrelated(BodyFormat format) {
        OrderBody body = OrderBody.valid().without("lines").with("decision.process", "MAYBE");

        ParseResult.Rejected rejected = rejected(PARSER.parse(format == BodyFormat.JSON ? body.json() : body.xml(),
                null));

        assertThat(rejected.messageId()).isEqualTo("1480-2026-000123");
        assertThat(rejected.kommunCode()).isEqualTo("1480");
        assertThat(rejected.type()).isEqualTo(MessageType.ORDER);
        assertThat(rejected.format()).isEqualTo(format);
    }

    @ParameterizedTest
    @EnumSource(BodyFormat.class)
    void rejectionLeavesOutAMessageIdOrKommunCodeNotOfTheContractsForm(BodyFormat format) {
        OrderBody body = OrderBody.valid().with("messageId", "order no. 1").with("kommunCode", "Göteborg");

        ParseResult.Rejected rejected = rejected(PARSER.parse(format == BodyFormat.JSON ? body.json() : body.xml(),
                null));

        assertThat(rejected.messageId()).isNull();
        assertThat(rejected.kommunCode()).isNull();
        assertThat(rejected.type()).isEqualTo(MessageType.ORDER);
    }

    @Test
    void rejectionOfAnUnknownTypeStillCarriesTheMessageId() {
        ParseResult.Rejected rejected = rejected(PARSER.parse(
                OrderBody.valid().with("type", "INVOICE").json(), null));

        assertThat(rejected.messageId()).isEqualTo("1480-2026-000123");
        assertThat(rejected.type()).isNull();
    }

    private static ContractError required(String field) {
        return ContractError.of(ErrorCode.SCHEMA_INVALID, field, "is required");
    }

    private static OrderMessage parsedOrder(byte[] body, String contentType) {
        ParseResult result = PARSER.parse(body, contentType);
        assertThat(result).as("parse result").isInstanceOf(ParseResult.Parsed.class);
        return (OrderMessage) ((ParseResult.Parsed) result).message();
    }

    private static ParseResult.Rejected rejected(ParseResult result) {
        assertThat(result).as("parse result").isInstanceOf(ParseResult.Rejected.class);
        return (ParseResult.Rejected) result;
    }
}
