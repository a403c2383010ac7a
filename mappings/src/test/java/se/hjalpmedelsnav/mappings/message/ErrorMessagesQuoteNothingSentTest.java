package se.hjalpmedelsnav.mappings.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.ARTICLE_NOT_IN_ASSORTMENT;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.ARTICLE_OF_UNKNOWN_PRODUCT_AREA;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.COGNITION_ARTICLE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CONTRACTOR_WITH_CURRENT_AGREEMENT;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CONTRACTOR_WITH_EXPIRED_AGREEMENT;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_OF_NON_PARTY;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_WITHOUT_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.NON_PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PAYER_OF_CUSTOMER_WITHOUT_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PAYER_OF_NON_PARTY;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.SPEECH_THERAPIST;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.UNREGISTERED_CONTRACTOR;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.UNREGISTERED_KOMMUN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.hjalpmedelsnav.mappings.buffer.BufferWithdrawalBuilder;
import se.hjalpmedelsnav.mappings.fault.FaultReportBuilder;
import se.hjalpmedelsnav.mappings.loans.LoansRequestBuilder;
import se.hjalpmedelsnav.mappings.incident.IncidentReportBuilder;
import se.hjalpmedelsnav.mappings.order.DeliveryTarget;
import se.hjalpmedelsnav.mappings.order.IdentityProtection;
import se.hjalpmedelsnav.mappings.order.OrderBuilder;
import se.hjalpmedelsnav.mappings.order.TestRegistry;
import se.hjalpmedelsnav.mappings.registry.Registry;
import se.hjalpmedelsnav.mappings.returns.ReturnBuilder;
import se.hjalpmedelsnav.mappings.returns.ReturnReason;
import se.hjalpmedelsnav.mappings.ruletable.MessageRules;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * The contract: a receipt's error message never quotes a submitted value; the field says where, the
 * message what is wrong and what to do. Every kind of error a municipality can receive from the parser
 * and the rules, each from a message that breaks it, is checked against every string the message held
 * (three characters or more) and the code of the queue it came on.
 */
class ErrorMessagesQuoteNothingSentTest {

    private static final int SHORTEST_QUOTE = 3;
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final KommunMessageParser PARSER = new KommunMessageParser(ParserLimits.defaults());
    private static final Registry REGISTRY = TestRegistry.standardRegistry();
    /** Göteborg's registry with one more party whose only customer number has no payer number linked. */
    private static final String KOMMUN_WITHOUT_PAYERS = "1402";
    private static final String CUSTOMER_WITHOUT_PAYERS = "402100";
    private static final Registry REGISTRY_WITH_UNLINKED_CUSTOMER = TestRegistry.standard()
            .municipality(KOMMUN_WITHOUT_PAYERS, "Härryda", true,
                    TestRegistry.customerNumber(CUSTOMER_WITHOUT_PAYERS, "Hemtjänst", false))
            .build();

    /** One case: what was sent (its strings), the code it must get, and the errors it got. */
    record Sent(Set<String> values, ErrorCode expected, List<ContractError> errors) {
    }

    static Stream<Arguments> everyKindOfError() {
        List<Arguments> cases = new ArrayList<>();
        // ---- the rules of an ORDER
        order(cases, "kommunCode of another municipality", ErrorCode.KOMMUN_MISMATCH, PARTY_KOMMUN,
                OrderBuilder.valid().withKommunCode(NON_PARTY_KOMMUN));
        order(cases, "municipality that has not signed", ErrorCode.KOMMUN_NOT_PARTY, NON_PARTY_KOMMUN,
                OrderBuilder.valid().withKommunCode(NON_PARTY_KOMMUN).withCustomerNumber(CUSTOMER_OF_NON_PARTY)
                        .withPayerNumber(PAYER_OF_NON_PARTY));
        order(cases, "municipality not in the registry", ErrorCode.KOMMUN_NOT_PARTY, UNREGISTERED_KOMMUN,
                OrderBuilder.valid().withKommunCode(UNREGISTERED_KOMMUN));
        order(cases, "customer number of another municipality", ErrorCode.CUSTOMER_NUMBER_UNKNOWN, PARTY_KOMMUN,
                OrderBuilder.valid().withCustomerNumber(CUSTOMER_OF_NON_PARTY));
        order(cases, "payer number of another customer number", ErrorCode.PAYER_NUMBER_INVALID, PARTY_KOMMUN,
                OrderBuilder.valid().withPayerNumber(PAYER_OF_CUSTOMER_WITHOUT_BUFFER_STORE));
        cases.add(rulesCase("payer number on a customer number without any", ErrorCode.PAYER_NUMBER_INVALID,
                KOMMUN_WITHOUT_PAYERS, REGISTRY_WITH_UNLINKED_CUSTOMER, OrderBuilder.valid()
                        .withKommunCode(KOMMUN_WITHOUT_PAYERS).withCustomerNumber(CUSTOMER_WITHOUT_PAYERS)
                        .withPayerNumber("402901").withDeliveryTo(DeliveryTarget.UNIT).build()));
        order(cases, "unregistered private contractor", ErrorCode.PRIVATE_CONTRACTOR_NO_AGREEMENT, PARTY_KOMMUN,
                OrderBuilder.valid().withPrivateContractor(UNREGISTERED_CONTRACTOR));
        order(cases, "contractor without an agreement with the municipality",
                ErrorCode.PRIVATE_CONTRACTOR_NO_AGREEMENT, NON_PARTY_KOMMUN, OrderBuilder.valid()
                        .withKommunCode(NON_PARTY_KOMMUN).withPrivateContractor(CONTRACTOR_WITH_CURRENT_AGREEMENT));
        order(cases, "contractor whose agreement has ended", ErrorCode.PRIVATE_CONTRACTOR_NO_AGREEMENT, PARTY_KOMMUN,
                OrderBuilder.valid().withPrivateContractor(CONTRACTOR_WITH_EXPIRED_AGREEMENT));
        order(cases, "contractor whose agreement does not cover the customer number",
                ErrorCode.PRIVATE_CONTRACTOR_NO_AGREEMENT, PARTY_KOMMUN, OrderBuilder.valid()
                        .withPrivateContractor(CONTRACTOR_WITH_CURRENT_AGREEMENT)
                        .withCustomerNumber(CUSTOMER_WITHOUT_BUFFER_STORE)
                        .withPayerNumber(PAYER_OF_CUSTOMER_WITHOUT_BUFFER_STORE));
        order(cases, "article not in the assortment", ErrorCode.ARTICLE_NOT_ORDERABLE, PARTY_KOMMUN,
                OrderBuilder.valid().withArticles(ARTICLE_NOT_IN_ASSORTMENT));
        order(cases, "article of an unknown product area", ErrorCode.ARTICLE_NOT_ORDERABLE, PARTY_KOMMUN,
                OrderBuilder.valid().withArticles(ARTICLE_OF_UNKNOWN_PRODUCT_AREA));
        order(cases, "role that may not order from the product area", ErrorCode.ORDERER_NOT_AUTHORISED,
                PARTY_KOMMUN, OrderBuilder.valid().withRole(SPEECH_THERAPIST).withArticles(COGNITION_ARTICLE));
        order(cases, "personnummer with a wrong check digit", ErrorCode.PERSONAL_ID_INVALID, PARTY_KOMMUN,
                OrderBuilder.valid().withPersonalIdentityNumber("19121212-1213"));
        order(cases, "risk analysis not attested", ErrorCode.RISK_ANALYSIS_MISSING, PARTY_KOMMUN,
                OrderBuilder.valid().withRiskAnalysisDone(false));
        order(cases, "consents not attested", ErrorCode.CONSENT_MISSING, PARTY_KOMMUN,
                OrderBuilder.valid().withConsentObtained(null));
        order(cases, "protected user's device to the home", ErrorCode.DELIVERY_NOT_ALLOWED, PARTY_KOMMUN,
                OrderBuilder.valid().withProtection(IdentityProtection.SKYDDAD_FOLKBOKFORING)
                        .withDeliveryTo(DeliveryTarget.RECIPIENT));
        order(cases, "buffer store the unit does not have", ErrorCode.DELIVERY_NOT_ALLOWED, PARTY_KOMMUN,
                OrderBuilder.valid().withCustomerNumber(CUSTOMER_WITHOUT_BUFFER_STORE)
                        .withPayerNumber(PAYER_OF_CUSTOMER_WITHOUT_BUFFER_STORE)
                        .withDeliveryTo(DeliveryTarget.BUFFER_STORE).withoutDeliveryAddress());
        order(cases, "delivery to the unit without an address", ErrorCode.SCHEMA_INVALID, PARTY_KOMMUN,
                OrderBuilder.valid().withDeliveryTo(DeliveryTarget.UNIT).withoutDeliveryAddress());
        // ---- the rules of a RETURN, a FAULT_REPORT and an INCIDENT_REPORT
        returns(cases, "return without devices", ReturnBuilder.valid().withDeviceIds());
        returns(cases, "return with an empty device id", ReturnBuilder.valid().withDeviceIds("IND-000123", " "));
        returns(cases, "return naming a device twice", ReturnBuilder.valid().withDeviceIds("IND-000123",
                "IND-000123"));
        returns(cases, "return that is not LOST without a pickup", ReturnBuilder.valid()
                .withReason(ReturnReason.FAULTY).withoutPickup());
        cases.add(rulesCase("return with a contractor whose agreement has ended",
                ErrorCode.PRIVATE_CONTRACTOR_NO_AGREEMENT, PARTY_KOMMUN, REGISTRY,
                ReturnBuilder.valid().withPrivateContractor(CONTRACTOR_WITH_EXPIRED_AGREEMENT).build()));
        cases.add(rulesCase("follow-up of a decision with no loan of the municipality", ErrorCode.SCHEMA_INVALID,
                PARTY_KOMMUN, REGISTRY, new se.hjalpmedelsnav.mappings.loans.FollowUpDoneMessage(
                        se.hjalpmedelsnav.mappings.message.MessageType.FOLLOW_UP_DONE, "1480-F-000001", PARTY_KOMMUN,
                        java.time.OffsetDateTime.parse("2026-03-02T09:00:00+01:00"),
                        new se.hjalpmedelsnav.mappings.order.Orderer("at-4711", "Fiktiva Arbetsterapeut",
                                "ARBETSTERAPEUT", null, null), "BES-2026-0042", List.of("IND-000123"),
                        LocalDate.of(2026, 1, 1), null)));
        cases.add(rulesCase("fault report on an article not in the assortment", ErrorCode.ARTICLE_NOT_ORDERABLE,
                PARTY_KOMMUN, REGISTRY, FaultReportBuilder.valid().withArticle(ARTICLE_NOT_IN_ASSORTMENT).build()));
        incident(cases, "incident after the day it was reported", ErrorCode.SCHEMA_INVALID,
                IncidentReportBuilder.valid().withEventDate(LocalDate.of(2026, 3, 3)));
        incident(cases, "incident description with a personnummer", ErrorCode.SCHEMA_INVALID,
                IncidentReportBuilder.valid().withDescription("Brukaren 19121212-1212 föll.")
                        .withActionsTaken("Anhörig till 121212-1212 informerad."));
        incident(cases, "UDI-DI with a wrong check digit", ErrorCode.UDI_INVALID,
                IncidentReportBuilder.valid().withUdiDi("07350012345670"));
        // ---- the rules of a BUFFER_WITHDRAWAL and a LOANS_REQUEST
        cases.add(rulesCase("withdrawal from a unit without a buffer store", ErrorCode.DELIVERY_NOT_ALLOWED,
                PARTY_KOMMUN, REGISTRY, BufferWithdrawalBuilder.valid().withCustomerNumber(CUSTOMER_WITHOUT_BUFFER_STORE)
                        .withPayerNumber(PAYER_OF_CUSTOMER_WITHOUT_BUFFER_STORE).build()));
        cases.add(rulesCase("withdrawal of an article not in the assortment", ErrorCode.ARTICLE_NOT_ORDERABLE,
                PARTY_KOMMUN, REGISTRY, BufferWithdrawalBuilder.valid().withArticle(ARTICLE_NOT_IN_ASSORTMENT).build()));
        cases.add(rulesCase("withdrawal for a personnummer with a wrong check digit", ErrorCode.PERSONAL_ID_INVALID,
                PARTY_KOMMUN, REGISTRY, BufferWithdrawalBuilder.valid().withPersonalIdentityNumber("19121212-1213")
                        .build()));
        cases.add(rulesCase("withdrawal by a contractor whose agreement has ended",
                ErrorCode.PRIVATE_CONTRACTOR_NO_AGREEMENT, PARTY_KOMMUN, REGISTRY, BufferWithdrawalBuilder.valid()
                        .withPrivateContractor(CONTRACTOR_WITH_EXPIRED_AGREEMENT).build()));
        cases.add(rulesCase("loans asked for by a personnummer with a wrong check digit", ErrorCode.PERSONAL_ID_INVALID,
                PARTY_KOMMUN, REGISTRY, LoansRequestBuilder.valid().byPerson("19121212-1213").build()));
        cases.add(rulesCase("loans asked for on another municipality's customer number",
                ErrorCode.CUSTOMER_NUMBER_UNKNOWN, PARTY_KOMMUN, REGISTRY,
                LoansRequestBuilder.valid().withCustomerNumber(CUSTOMER_OF_NON_PARTY).build()));
        cases.add(rulesCase("loans asked for by two keys at once", ErrorCode.SCHEMA_INVALID, PARTY_KOMMUN, REGISTRY,
                LoansRequestBuilder.valid().alsoByDevice("IND-000123").build()));
        cases.add(rulesCase("loans asked for by a contractor not covering the customer number",
                ErrorCode.PRIVATE_CONTRACTOR_NO_AGREEMENT, PARTY_KOMMUN, REGISTRY, LoansRequestBuilder.valid()
                        .byPrivateContractor(CONTRACTOR_WITH_CURRENT_AGREEMENT)
                        .withCustomerNumber(CUSTOMER_WITHOUT_BUFFER_STORE).build()));
        // ---- the parser: JSON
        json(cases, "messageId with SQL", ErrorCode.SCHEMA_INVALID, OrderBody.valid()
                .with("messageId", "x' OR '1'='1"));
        json(cases, "sentAt that is no time", ErrorCode.SCHEMA_INVALID, OrderBody.valid()
                .with("sentAt", "soon-ish"));
        json(cases, "delivery target outside the enumeration", ErrorCode.SCHEMA_INVALID, OrderBody.valid()
                .with("delivery.target", "MOON_BASE"));
        json(cases, "empty orderer name", ErrorCode.SCHEMA_INVALID, OrderBody.valid().with("orderer.name", ""));
        json(cases, "note over its length", ErrorCode.SCHEMA_INVALID, OrderBody.valid()
                .with("note", "Ring på. ".repeat(120)));
        json(cases, "postal code of the wrong form", ErrorCode.SCHEMA_INVALID, OrderBody.valid()
                .with("delivery.address.postalCode", "GBG-1"));
        json(cases, "quantity of zero", ErrorCode.SCHEMA_INVALID, OrderBody.valid().with("lines[0].quantity", 0));
        json(cases, "customer number as a number", ErrorCode.SCHEMA_INVALID, OrderBody.valid()
                .with("customerNumber", 148001));
        json(cases, "recipient without a name", ErrorCode.SCHEMA_INVALID, OrderBody.valid().without("recipient.name"));
        json(cases, "a member outside the contract", ErrorCode.SCHEMA_INVALID, OrderBody.valid()
                .with("recipient.nickname", "Tolle Tolvansson"));
        json(cases, "no lines", ErrorCode.SCHEMA_INVALID, OrderBody.valid().with("lines", List.of()));
        json(cases, "unknown message type", ErrorCode.UNKNOWN_MESSAGE_TYPE, OrderBody.valid()
                .with("type", "DROP TABLE"));
        json(cases, "NUL in a name", ErrorCode.SCHEMA_INVALID, OrderBody.valid()
                .with("orderer.name", "Fiktiva\u0000Arbetsterapeut"));
        jsonText(cases, "unpaired high surrogate in a name", ErrorCode.SCHEMA_INVALID, OrderBody.valid(),
                "\"Fiktiva Arbetsterapeut\"", "\"Fiktiva\\ud800Arbetsterapeut\"");
        jsonText(cases, "unpaired surrogate in the messageId", ErrorCode.SCHEMA_INVALID, OrderBody.valid(),
                "\"1480-2026-000123\"", "\"1480-2026-\\udc00000123\"");
        jsonText(cases, "JSON cut short", ErrorCode.MALFORMED, OrderBody.valid(),
                "\"Tolvan Tolvansson\"", "\"Tolvan Tolvans");
        jsonText(cases, "body over 256 KiB", ErrorCode.MESSAGE_TOO_LARGE, OrderBody.valid(),
                "\"Ring före leverans & vänta i trappan.\"", "\"" + "Ring före leverans. ".repeat(14_000) + "\"");
        // ---- the parser: XML
        xml(cases, "XML: protection outside the enumeration", ErrorCode.SCHEMA_INVALID, OrderBody.valid()
                .with("recipient.protection", "HEMLIG_ADRESS"), "", "");
        xml(cases, "XML: quantity that is no number", ErrorCode.SCHEMA_INVALID, OrderBody.valid()
                .with("lines[0].quantity", "several"), "", "");
        xml(cases, "XML: messageId with a slash", ErrorCode.SCHEMA_INVALID, OrderBody.valid()
                .with("messageId", "1480/2026/000123"), "", "");
        xml(cases, "XML: an element outside the contract", ErrorCode.SCHEMA_INVALID, OrderBody.valid(),
                "<recipient>", "<recipient><nickname>Tolle Tolvansson</nickname>");
        xml(cases, "XML: character reference to a high surrogate", ErrorCode.SCHEMA_INVALID, OrderBody.valid(),
                "Fiktiva Arbetsterapeut", "Fiktiva&#xD800;Arbetsterapeut");
        xml(cases, "XML: character reference to a low surrogate in the messageId", ErrorCode.SCHEMA_INVALID,
                OrderBody.valid(), "1480-2026-000123", "1480-2026-&#56320;000123");
        xml(cases, "XML: DEL in a name", ErrorCode.SCHEMA_INVALID, OrderBody.valid(),
                "Fiktiva Arbetsterapeut", "Fiktiva\u007FArbetsterapeut");
        xml(cases, "XML: cut short", ErrorCode.MALFORMED, OrderBody.valid(), "Tolvan Tolvansson</name>",
                "Tolvan Tolvans");
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKindOfError")
    void noErrorMessageQuotesAValueOfTheMessage(Sent sent) {
        assertThat(sent.errors()).as("the case breaks the contract as meant").extracting(ContractError::code)
                .contains(sent.expected());

        assertThat(quotes(sent)).isEmpty();
    }

    @Test
    void theCasesCoverEveryCodeAMunicipalityCanGetInAReceipt() {
        Set<ErrorCode> covered = EnumSet.noneOf(ErrorCode.class);
        everyKindOfError().map(ErrorMessagesQuoteNothingSentTest::payload).forEach(sent -> covered.add(sent.expected()));

        // SUPPLIER_REJECTED comes in a status event, with the reasons SupplierRefusalReasonTest checks.
        assertThat(covered).containsAll(EnumSet.complementOf(EnumSet.of(ErrorCode.SUPPLIER_REJECTED)));
    }

    @Test
    void findsTheQuoteInAMessageThatQuotes() {
        Sent quoting = new Sent(stringValues(PLAIN.valueToTree(Map.of("lines", List.of(Map.of("articleNumber",
                "HMN-99999", "quantity", 1))))), ErrorCode.ARTICLE_NOT_ORDERABLE, List.of(ContractError.of(
                        ErrorCode.ARTICLE_NOT_ORDERABLE, "lines[0].articleNumber",
                        "Article HMN-99999 is not in the orderable assortment.")));

        assertThat(quotes(quoting)).singleElement().asString().contains("HMN-99999");
    }

    /** Each error message that holds a value sent, with the value. */
    private static List<String> quotes(Sent sent) {
        List<String> quotes = new ArrayList<>();
        for (ContractError error : sent.errors()) {
            for (String value : sent.values()) {
                if (error.message() != null && error.message().contains(value)) {
                    quotes.add(error.code() + " on " + error.field() + " quotes \"" + value + "\": " + error.message());
                }
            }
        }
        return quotes;
    }

    private static Sent payload(Arguments arguments) {
        return (Sent) ((Named<?>) arguments.get()[0]).getPayload();
    }

    // ---- the cases

    private static void order(List<Arguments> cases, String name, ErrorCode expected, String queueKommunCode,
            OrderBuilder order) {
        cases.add(rulesCase(name, expected, queueKommunCode, REGISTRY, order.build()));
    }

    private static void returns(List<Arguments> cases, String name, ReturnBuilder message) {
        cases.add(rulesCase(name, ErrorCode.SCHEMA_INVALID, PARTY_KOMMUN, REGISTRY, message.build()));
    }

    private static void incident(List<Arguments> cases, String name, ErrorCode expected,
            IncidentReportBuilder message) {
        cases.add(rulesCase(name, expected, PARTY_KOMMUN, REGISTRY, message.build()));
    }

    /** The handbook's rules of the message's type, as the intake runs them. */
    private static Arguments rulesCase(String name, ErrorCode expected, String queueKommunCode, Registry registry,
            KommunMessage message) {
        Set<String> values = stringValues(KommunMessageMappers.json().valueToTree(message));
        values.add(queueKommunCode);
        List<ContractError> errors = MessageRules.handbook().check(message,
                RuleContext.of(message, queueKommunCode, registry));
        return arguments(named(name, new Sent(values, expected, errors)));
    }

    private static void json(List<Arguments> cases, String name, ErrorCode expected, OrderBody body) {
        cases.add(parserCase(name, expected, body, body.json(), "application/json"));
    }

    /** The body as JSON text with one piece replaced: for text a JSON writer would not write. */
    private static void jsonText(List<Arguments> cases, String name, ErrorCode expected, OrderBody body,
            String piece, String replacement) {
        String text = new String(body.json(), StandardCharsets.UTF_8);
        assertThat(text).contains(piece);
        cases.add(parserCase(name, expected, body, text.replace(piece, replacement).getBytes(StandardCharsets.UTF_8),
                "application/json"));
    }

    private static void xml(List<Arguments> cases, String name, ErrorCode expected, OrderBody body, String piece,
            String replacement) {
        String text = new String(body.xml(), StandardCharsets.UTF_8);
        assertThat(text).contains(piece);
        Set<String> sentText = new TreeSet<>();
        Matcher elementText = Pattern.compile(">([^<]+)<").matcher(text.replace(piece, replacement));
        while (elementText.find()) {
            sentText.add(elementText.group(1));
        }
        Arguments parsed = parserCase(name, expected, body,
                text.replace(piece, replacement).getBytes(StandardCharsets.UTF_8), "application/xml");
        payload(parsed).values().addAll(sentText.stream()
                .filter(value -> value.strip().length() >= SHORTEST_QUOTE).toList());
        cases.add(parsed);
    }

    private static Arguments parserCase(String name, ErrorCode expected, OrderBody body, byte[] bytes,
            String contentType) {
        ParseResult result = PARSER.parse(bytes, contentType);
        List<ContractError> errors = result instanceof ParseResult.Rejected rejected ? rejected.errors() : List.of();
        Set<String> values = stringValues(tree(body.json()));
        values.add(PARTY_KOMMUN);
        return arguments(named(name, new Sent(values, expected, errors)));
    }

    /** Every string of the tree that is long enough to be told in a sentence. */
    private static Set<String> stringValues(JsonNode node) {
        Set<String> values = new TreeSet<>();
        if (node.isTextual() && node.asText().strip().length() >= SHORTEST_QUOTE) {
            values.add(node.asText());
        }
        node.elements().forEachRemaining(child -> values.addAll(stringValues(child)));
        return values;
    }

    private static JsonNode tree(byte[] json) {
        try {
            return PLAIN.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
