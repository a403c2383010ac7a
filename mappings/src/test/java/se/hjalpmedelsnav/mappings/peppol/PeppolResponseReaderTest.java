package se.hjalpmedelsnav.mappings.peppol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.helger.diver.api.coord.DVRCoordinate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.hjalpmedelsnav.mappings.message.OrderStatus;

class PeppolResponseReaderTest {

    private static final String HUB_REFERENCE = "3f2b9c4e-0d7a-4c55-9a61-7e0c2f1b8d42";

    private final PeppolResponseReader reader = new PeppolResponseReader();

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("order-response-accepted.xml", PeppolRules.ORDER_RESPONSE),
                Arguments.of("order-response-rejected.xml", PeppolRules.ORDER_RESPONSE),
                Arguments.of("order-response-changed.xml", PeppolRules.ORDER_RESPONSE),
                Arguments.of("order-response-acknowledged.xml", PeppolRules.ORDER_RESPONSE),
                Arguments.of("despatch-advice.xml", PeppolRules.DESPATCH_ADVICE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixturePassesUblSchemaAndPeppolRules(String fixture, DVRCoordinate ruleSet) throws IOException {
        assertThat(PeppolRules.findings(fixture(fixture), ruleSet)).isEmpty();
    }

    static Stream<Arguments> orderResponses() {
        return Stream.of(
                Arguments.of("order-response-accepted.xml", OrderStatus.CONFIRMED, false, "SO-884120", null),
                Arguments.of("order-response-changed.xml", OrderStatus.CONFIRMED, true, "SO-884121",
                        "Ersatt av efterföljande modell"),
                Arguments.of("order-response-rejected.xml", OrderStatus.REJECTED_BY_SUPPLIER, false, null,
                        "Artikel 100101 har utgått ur sortimentet"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orderResponses")
    void readsOrderResponseAsStatusOfTheHubsOrder(String fixture, OrderStatus status, boolean changed,
            String supplierOrderId, String reason) throws IOException {
        SupplierOrderUpdate update = reader.read(bytes(fixture)).orElseThrow();

        assertThat(update).isEqualTo(new SupplierOrderUpdate(HUB_REFERENCE, supplierOrderId, status, changed, reason,
                List.of()));
    }

    @Test
    void readsAcknowledgementAsNoChangeOfStatus() throws IOException {
        assertThat(reader.read(bytes("order-response-acknowledged.xml"))).isEmpty();
    }

    @Test
    void readsDespatchAdviceAsDeliveryWithTheDeviceIds() throws IOException {
        SupplierOrderUpdate update = reader.read(bytes("despatch-advice.xml")).orElseThrow();

        assertThat(update.hubReference()).isEqualTo(HUB_REFERENCE);
        assertThat(update.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(update.deviceIds()).containsExactly("HMC-0000017421", "HMC-0000017422", "HMC-0000020077");
    }

    @Test
    void refusesAnUnknownOrderResponseCode() throws IOException {
        byte[] document = fixture("order-response-accepted.xml")
                .replace(">AP</cbc:OrderResponseCode>", ">XX</cbc:OrderResponseCode>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.read(document))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OrderResponseCode");
    }

    @Test
    void refusesAResponseWithoutOrderReference() throws IOException {
        String accepted = fixture("order-response-accepted.xml");
        String withoutReference = accepted.substring(0, accepted.indexOf("  <cac:OrderReference>"))
                + accepted.substring(accepted.indexOf("  <cac:SellerSupplierParty>"));

        assertThatThrownBy(() -> reader.read(withoutReference.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesADocumentThatBreaksTheUblSchema() throws IOException {
        byte[] document = fixture("order-response-accepted.xml")
                .replace("<cbc:IssueDate>2026-03-03</cbc:IssueDate>", "<cbc:IssueDate>in March</cbc:IssueDate>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.read(document))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid UBL 2.1 OrderResponse");
    }

    @Test
    void refusesAnotherUblDocument() {
        byte[] invoice = ("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.read(invoice))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither");
    }

    @Test
    void refusesADocumentDeclaringAnExternalEntity(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "LEAKED-SECRET");
        String accepted = fixture("order-response-accepted.xml");
        String withEntity = accepted.replaceFirst("<OrderResponse ",
                        "<!DOCTYPE OrderResponse [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>\n<OrderResponse ")
                .replace("SO-884120", "&leak;");

        assertThatThrownBy(() -> reader.read(withEntity.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DTD")
                .hasMessageNotContaining("LEAKED-SECRET");
    }

    @Test
    void refusesADocumentWithAnInternalEntityExpansion() throws IOException {
        String bomb = "<!DOCTYPE OrderResponse [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n";
        String accepted = fixture("order-response-accepted.xml");
        String withBomb = accepted.replaceFirst("<OrderResponse ", bomb + "<OrderResponse ").replace("SO-884120", "&c;");

        assertThatThrownBy(() -> reader.read(withBomb.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DTD");
    }

    @Test
    void refusesADocumentLargerThanTheLimit() throws IOException {
        PeppolResponseReader small = new PeppolResponseReader(100);

        assertThatThrownBy(() -> small.read(bytes("order-response-accepted.xml")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("larger than");
    }

    @Test
    void refusesMalformedXmlWithoutQuotingIt() {
        byte[] broken = "<OrderResponse><cbc:Note>191212121212".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.read(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("191212121212");
    }

    private static byte[] bytes(String fixture) throws IOException {
        return fixture(fixture).getBytes(StandardCharsets.UTF_8);
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = PeppolResponseReaderTest.class.getResourceAsStream("/peppol/" + name)) {
            if (in == null) {
                throw new IOException("no test fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
