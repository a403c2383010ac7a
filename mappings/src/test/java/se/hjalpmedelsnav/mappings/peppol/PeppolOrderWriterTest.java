package se.hjalpmedelsnav.mappings.peppol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.COMMUNICATION_ARTICLE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CONTRACTOR_WITH_CURRENT_AGREEMENT;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_WITHOUT_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_WITH_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PAYER_OF_CUSTOMER_WITHOUT_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PAYER_OF_CUSTOMER_WITH_BUFFER_STORE;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import se.hjalpmedelsnav.mappings.order.Address;
import se.hjalpmedelsnav.mappings.order.Contact;
import se.hjalpmedelsnav.mappings.order.Delivery;
import se.hjalpmedelsnav.mappings.order.DeliveryTarget;
import se.hjalpmedelsnav.mappings.order.IdentityProtection;
import se.hjalpmedelsnav.mappings.order.OrderBuilder;
import se.hjalpmedelsnav.mappings.order.OrderLine;
import se.hjalpmedelsnav.mappings.order.OrderMessage;
import se.hjalpmedelsnav.mappings.order.TestRegistry;
import se.hjalpmedelsnav.mappings.registry.Registry;

class PeppolOrderWriterTest {

    private static final String HUB_REFERENCE = "3f2b9c4e-0d7a-4c55-9a61-7e0c2f1b8d42";
    private static final LocalDate ISSUE_DATE = LocalDate.of(2026, 3, 2);
    /** Fictional organisationsnummer (valid check digit) for the supplier and the municipality. */
    private static final PeppolParty SUPPLIER = new PeppolParty(
            PeppolEndpoint.organisationNumber("556999-0004"), "Hjälpmedelsleverantören AB (fiktiv)");
    private static final PeppolEndpoint KOMMUN_ENDPOINT = PeppolEndpoint.organisationNumber("212000-1488");
    private static final Address UNIT_ADDRESS = new Address("Hemtjänst Centrum", "Enhetsgatan 2", "41102", "Göteborg");
    private static final Contact UNIT_CONTACT = new Contact("Kim Kontakt", "031-333 33 33");

    private final Registry registry = TestRegistry.standardRegistry();
    private final PeppolOrderWriter writer = new PeppolOrderWriter(SUPPLIER, Map.of(PARTY_KOMMUN, KOMMUN_ENDPOINT));

    static Stream<Arguments> orders() {
        return Stream.of(
                Arguments.of("delivery to the unit", OrderBuilder.valid()
                        .withDeliveryTo(DeliveryTarget.UNIT).withDeliveryAddress(UNIT_ADDRESS).build()),
                Arguments.of("delivery to the buffer store", OrderBuilder.valid()
                        .withDeliveryTo(DeliveryTarget.BUFFER_STORE).withoutDeliveryAddress().build()),
                Arguments.of("delivery to the user's home", OrderBuilder.valid().build()),
                Arguments.of("orderer of a private contractor", OrderBuilder.valid()
                        .withPrivateContractor(CONTRACTOR_WITH_CURRENT_AGREEMENT)
                        .withDeliveryTo(DeliveryTarget.UNIT).withDeliveryAddress(UNIT_ADDRESS).build()),
                Arguments.of("protected user, delivery to the unit", withDelivery(OrderBuilder.valid()
                        .withProtection(IdentityProtection.SKYDDAD_FOLKBOKFORING).build(),
                        new Delivery(DeliveryTarget.UNIT, UNIT_ADDRESS, UNIT_CONTACT))),
                Arguments.of("protected user, delivery to the buffer store", withDelivery(OrderBuilder.valid()
                        .withProtection(IdentityProtection.SEKRETESSMARKERING).build(),
                        new Delivery(DeliveryTarget.BUFFER_STORE, null, UNIT_CONTACT))),
                Arguments.of("several lines, customer without buffer store", withLines(OrderBuilder.valid()
                        .withCustomerNumber(CUSTOMER_WITHOUT_BUFFER_STORE)
                        .withPayerNumber(PAYER_OF_CUSTOMER_WITHOUT_BUFFER_STORE)
                        .withArticles(COMMUNICATION_ARTICLE, TestRegistry.COGNITION_ARTICLE).build(),
                        List.of(new OrderLine(COMMUNICATION_ARTICLE, 2), new OrderLine(TestRegistry.COGNITION_ARTICLE, 1)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orders")
    void writesOrderThatPassesUblSchemaAndPeppolRules(String description, OrderMessage order) {
        String xml = writer.toUblOrder(order, HUB_REFERENCE, registry, ISSUE_DATE);

        assertThat(PeppolRules.findings(xml, PeppolRules.ORDER)).as(description).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orders")
    void namesTheUserOnEveryLineInTwelveDigitsAndNowhereElse(String description, OrderMessage order) throws Exception {
        String written = writer.toUblOrder(order, HUB_REFERENCE, registry, ISSUE_DATE);
        Document xml = parse(written);
        String twelveDigits = OrderBuilder.PERSONAL_IDENTITY_NUMBER.replace("-", "");

        int lines = Integer.parseInt(text(xml, "count(/o:Order/cac:OrderLine)"));
        assertThat(lines).isEqualTo(order.lines().size());
        for (int line = 1; line <= lines; line++) {
            String item = "/o:Order/cac:OrderLine[" + line + "]/cac:LineItem/cac:Item";
            // Compared, never printed: a failure names the line, not the number.
            boolean named = twelveDigits.equals(text(xml, item + "/cac:AdditionalItemProperty[cbc:Name='"
                    + PeppolOrderWriter.END_USER_IDENTITY + "']/cbc:Value"));
            assertThat(named).as("%s: line %d names the user by the 12-digit number", description, line).isTrue();
            assertThat(text(xml, item + "/cac:AdditionalItemProperty[cbc:Name='" + PeppolOrderWriter.END_USER_PROTECTED
                    + "']/cbc:Value")).isEqualTo(Boolean.toString(order.recipient().isProtected()));
        }
        int occurrences = written.split(twelveDigits, -1).length - 1;
        assertThat(occurrences).as("%s: the number appears on the lines only", description).isEqualTo(lines);
        assertThat(written.contains(OrderBuilder.PERSONAL_IDENTITY_NUMBER)).as("the dashed form is written").isFalse();
    }

    @Test
    void namesNoUserOnAnOrderWithoutOne() {
        OrderMessage o = unitOrder();
        OrderMessage withoutUser = new OrderMessage(o.type(), o.messageId(), o.kommunCode(), o.sentAt(), o.orderer(),
                o.customerNumber(), o.payerNumber(), o.decision(), null, o.delivery(), o.riskAnalysisDone(),
                o.consentObtained(), o.lines(), o.note());

        String xml = writer.toUblOrder(withoutUser, HUB_REFERENCE, registry, ISSUE_DATE);

        assertThat(xml).doesNotContain(PeppolOrderWriter.END_USER_IDENTITY);
        assertThat(PeppolRules.findings(xml, PeppolRules.ORDER)).isEmpty();
    }

    @Test
    void peppolRulesCatchAnOrderThatBreaksThem() {
        // The validation must be able to fail: a wrong CustomizationID passes the XSD but not the schematron.
        String xml = writer.toUblOrder(unitOrder(), HUB_REFERENCE, registry, ISSUE_DATE)
                .replace(PeppolOrderWriter.CUSTOMIZATION_ID, "urn:fdc:peppol.eu:poacc:trns:order_response:3");

        assertThat(PeppolRules.findings(xml, PeppolRules.ORDER)).anyMatch(finding -> finding.contains("PEPPOL-T01-R034"));
    }

    @Test
    void peppolRulesCatchAnEndpointThatIsNoOrganisationNumber() {
        PeppolOrderWriter misconfigured = new PeppolOrderWriter(SUPPLIER,
                Map.of(PARTY_KOMMUN, PeppolEndpoint.organisationNumber("212000-1480")));

        String xml = misconfigured.toUblOrder(unitOrder(), HUB_REFERENCE, registry, ISSUE_DATE);

        assertThat(PeppolRules.findings(xml, PeppolRules.ORDER)).anyMatch(finding -> finding.contains("PEPPOL-COMMON-R049"));
    }

    @Test
    void mapsHeaderPartiesAndLines() throws Exception {
        Document xml = parse(writer.toUblOrder(unitOrder(), HUB_REFERENCE, registry, ISSUE_DATE));

        assertThat(text(xml, "/o:Order/cbc:CustomizationID")).isEqualTo("urn:fdc:peppol.eu:poacc:trns:order:3");
        assertThat(text(xml, "/o:Order/cbc:ProfileID")).isEqualTo("urn:fdc:peppol.eu:poacc:bis:ordering:3");
        assertThat(text(xml, "/o:Order/cbc:ID")).isEqualTo(HUB_REFERENCE);
        assertThat(text(xml, "/o:Order/cbc:IssueDate")).isEqualTo("2026-03-02");
        assertThat(text(xml, "/o:Order/cbc:CustomerReference")).isEqualTo("handlaggare-17");
        assertThat(text(xml, "/o:Order/cac:OriginatorDocumentReference/cbc:ID")).isEqualTo("BESLUT-2026-0042");

        String buyer = "/o:Order/cac:BuyerCustomerParty/cac:Party";
        assertThat(text(xml, buyer + "/cbc:EndpointID")).isEqualTo("2120001488");
        assertThat(text(xml, buyer + "/cbc:EndpointID/@schemeID")).isEqualTo("0007");
        assertThat(text(xml, buyer + "/cac:PartyIdentification/cbc:ID")).isEqualTo(CUSTOMER_WITH_BUFFER_STORE);
        assertThat(text(xml, buyer + "/cac:PartyName/cbc:Name")).isEqualTo("Hemtjänst Centrum");
        assertThat(text(xml, buyer + "/cac:PartyLegalEntity/cbc:RegistrationName")).isEqualTo("Göteborg");

        String seller = "/o:Order/cac:SellerSupplierParty/cac:Party";
        assertThat(text(xml, seller + "/cbc:EndpointID")).isEqualTo("5569990004");
        assertThat(text(xml, seller + "/cbc:EndpointID/@schemeID")).isEqualTo("0007");

        String invoicee = "/o:Order/cac:AccountingCustomerParty/cac:Party";
        assertThat(text(xml, invoicee + "/cac:PartyIdentification/cbc:ID")).isEqualTo(PAYER_OF_CUSTOMER_WITH_BUFFER_STORE);

        String originator = "/o:Order/cac:OriginatorCustomerParty/cac:Party";
        assertThat(text(xml, originator + "/cac:PartyIdentification/cbc:ID")).isEqualTo("handlaggare-17");
        assertThat(text(xml, originator + "/cac:PartyName/cbc:Name")).isEqualTo(OrderBuilder.ORDERER_NAME);
        assertThat(text(xml, originator + "/cac:Contact/cbc:Name")).isEqualTo(OrderBuilder.ORDERER_NAME);
        assertThat(text(xml, originator + "/cac:Contact/cbc:Telephone")).isEqualTo(OrderBuilder.PHONE);

        String line = "/o:Order/cac:OrderLine[1]/cac:LineItem";
        assertThat(text(xml, line + "/cbc:ID")).isEqualTo("1");
        assertThat(text(xml, line + "/cbc:Quantity")).isEqualTo("1");
        assertThat(text(xml, line + "/cac:Item/cac:SellersItemIdentification/cbc:ID")).isEqualTo(COMMUNICATION_ARTICLE);
        assertThat(text(xml, line + "/cac:Item/cbc:Name")).isEqualTo("Testartikel " + COMMUNICATION_ARTICLE);

        String delivery = "/o:Order/cac:Delivery/cac:DeliveryLocation/cac:Address";
        assertThat(text(xml, delivery + "/cbc:StreetName")).isEqualTo("Enhetsgatan 2");
        assertThat(text(xml, delivery + "/cbc:PostalZone")).isEqualTo("41102");
    }

    @Test
    void deliversToTheBufferStoreAddressOfTheRegistryNotOfTheMessage() throws Exception {
        OrderMessage order = OrderBuilder.valid().withDeliveryTo(DeliveryTarget.BUFFER_STORE)
                .withDeliveryAddress(new Address(null, "Fel adress 9", "41199", "Göteborg")).build();

        Document xml = parse(writer.toUblOrder(order, HUB_REFERENCE, registry, ISSUE_DATE));

        String address = "/o:Order/cac:Delivery/cac:DeliveryLocation/cac:Address";
        assertThat(text(xml, address + "/cbc:StreetName")).isEqualTo("Förrådsvägen 1");
        assertThat(text(xml, address + "/cbc:PostalZone")).isEqualTo("41101");
    }

    @Test
    void namesThePrivateContractorAsOriginatorWithTheOrdererAsContact() throws Exception {
        OrderMessage order = OrderBuilder.valid().withPrivateContractor(CONTRACTOR_WITH_CURRENT_AGREEMENT).build();

        Document xml = parse(writer.toUblOrder(order, HUB_REFERENCE, registry, ISSUE_DATE));

        String originator = "/o:Order/cac:OriginatorCustomerParty/cac:Party";
        assertThat(text(xml, originator + "/cac:PartyIdentification/cbc:ID")).isEqualTo("5566778899");
        assertThat(text(xml, originator + "/cac:PartyIdentification/cbc:ID/@schemeID")).isEqualTo("0007");
        assertThat(text(xml, originator + "/cac:PartyName/cbc:Name")).isEqualTo("Testomsorg AB");
        assertThat(text(xml, originator + "/cac:Contact/cbc:Name")).isEqualTo(OrderBuilder.ORDERER_NAME);
        assertThat(text(xml, "/o:Order/cbc:CustomerReference")).isEqualTo("handlaggare-17");
        // The buyer stays the municipality's unit: a private contractor orders on its numbers.
        assertThat(text(xml, "/o:Order/cac:BuyerCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID"))
                .isEqualTo(CUSTOMER_WITH_BUFFER_STORE);
    }

    @ParameterizedTest
    @MethodSource("protections")
    void leavesOutTheProtectedUsersNameAndTheOrderersPhone(IdentityProtection protection) {
        OrderMessage order = withDelivery(OrderBuilder.valid().withProtection(protection).build(),
                new Delivery(DeliveryTarget.UNIT, UNIT_ADDRESS, UNIT_CONTACT));

        String xml = writer.toUblOrder(order, HUB_REFERENCE, registry, ISSUE_DATE);

        // Compared, never printed: the document holds the user's (fictional) number.
        List<String> missing = Stream.of("<cbc:Name>" + PeppolOrderWriter.END_USER_PROTECTED + "</cbc:Name>",
                "<cbc:Value>true</cbc:Value>", UNIT_CONTACT.phone()).filter(needle -> !xml.contains(needle)).toList();
        List<String> unwanted = Stream.of(OrderBuilder.RECIPIENT_NAME, OrderBuilder.PHONE, OrderBuilder.HOME.street())
                .filter(xml::contains).toList();
        assertThat(missing).isEmpty();
        assertThat(unwanted).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("protections")
    void refusesHomeDeliveryForAProtectedUser(IdentityProtection protection) {
        OrderMessage order = OrderBuilder.valid().withProtection(protection).withDeliveryTo(DeliveryTarget.RECIPIENT).build();

        assertThatThrownBy(() -> writer.toUblOrder(order, HUB_REFERENCE, registry, ISSUE_DATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("delivery.target")
                .hasMessageNotContaining(OrderBuilder.HOME.street());
    }

    @Test
    void namesTheUserAsReceiverOfAHomeDeliveryWhenNotProtected() throws Exception {
        Document xml = parse(writer.toUblOrder(OrderBuilder.valid().build(), HUB_REFERENCE, registry, ISSUE_DATE));

        assertThat(text(xml, "/o:Order/cac:Delivery/cac:DeliveryParty/cac:PartyName/cbc:Name"))
                .isEqualTo(OrderBuilder.RECIPIENT_NAME);
        assertThat(text(xml, "/o:Order/cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:StreetName"))
                .isEqualTo(OrderBuilder.HOME.street());
    }

    @Test
    void namesAnArticleWithdrawnSinceTheOrderWasAcceptedByItsNumber() {
        OrderMessage order = unitOrder();
        Registry withdrawn = registry.withAssortment(java.util.List.of());

        String xml = writer.toUblOrder(order, HUB_REFERENCE, withdrawn, ISSUE_DATE);

        // Compared, never printed: the document holds the user's (fictional) number.
        assertThat(xml.contains("<cbc:Name>" + COMMUNICATION_ARTICLE + "</cbc:Name>")).as("item named by its number")
                .isTrue();
        assertThat(PeppolRules.findings(xml, PeppolRules.ORDER)).isEmpty();
    }

    @Test
    void refusesBufferStoreDeliveryForAUnitWithoutOne() {
        OrderMessage order = OrderBuilder.valid().withCustomerNumber(CUSTOMER_WITHOUT_BUFFER_STORE)
                .withPayerNumber(PAYER_OF_CUSTOMER_WITHOUT_BUFFER_STORE)
                .withDeliveryTo(DeliveryTarget.BUFFER_STORE).build();

        assertThatThrownBy(() -> writer.toUblOrder(order, HUB_REFERENCE, registry, ISSUE_DATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BUFFER_STORE");
    }

    @Test
    void refusesAMunicipalityWithoutAPeppolEndpoint() {
        PeppolOrderWriter withoutEndpoints = new PeppolOrderWriter(SUPPLIER, Map.of());

        assertThatThrownBy(() -> withoutEndpoints.toUblOrder(unitOrder(), HUB_REFERENCE, registry, ISSUE_DATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Peppol endpoint");
    }

    static Stream<IdentityProtection> protections() {
        return Stream.of(IdentityProtection.SEKRETESSMARKERING, IdentityProtection.SKYDDAD_FOLKBOKFORING);
    }

    private static OrderMessage unitOrder() {
        return OrderBuilder.valid().withDeliveryTo(DeliveryTarget.UNIT).withDeliveryAddress(UNIT_ADDRESS).build();
    }

    private static OrderMessage withDelivery(OrderMessage o, Delivery delivery) {
        return new OrderMessage(o.type(), o.messageId(), o.kommunCode(), o.sentAt(), o.orderer(), o.customerNumber(),
                o.payerNumber(), o.decision(), o.recipient(), delivery, o.riskAnalysisDone(), o.consentObtained(),
                o.lines(), o.note());
    }

    private static OrderMessage withLines(OrderMessage o, List<OrderLine> lines) {
        return new OrderMessage(o.type(), o.messageId(), o.kommunCode(), o.sentAt(), o.orderer(), o.customerNumber(),
                o.payerNumber(), o.decision(), o.recipient(), o.delivery(), o.riskAnalysisDone(), o.consentObtained(),
                lines, o.note());
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document xml, String path) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(UBL_NAMESPACES);
        return xpath.evaluate(path, xml);
    }

    private static final NamespaceContext UBL_NAMESPACES = new NamespaceContext() {
        private final Map<String, String> uris = Map.of(
                "o", "urn:oasis:names:specification:ubl:schema:xsd:Order-2",
                "cac", "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
                "cbc", "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2");

        @Override
        public String getNamespaceURI(String prefix) {
            return uris.get(prefix);
        }

        @Override
        public String getPrefix(String namespaceURI) {
            return null;
        }

        @Override
        public java.util.Iterator<String> getPrefixes(String namespaceURI) {
            return java.util.Collections.emptyIterator();
        }
    };
}
