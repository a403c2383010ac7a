package se.hjalpmedelsnav.mappings.peppol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderAgreementReaderTest {

    static final String AGREEMENT_ID = "0263bf48-9a55-4d15-adf5-2c2921036d1c";

    private final OrderAgreementReader reader = new OrderAgreementReader();

    /** The test's Order Agreement (written from OpenPeppol's example) on these numbers. */
    static String agreement(String agreementId, String customerNumber, String payerNumber) {
        try (InputStream in = OrderAgreementReaderTest.class.getResourceAsStream("/peppol/order-agreement.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("AGREEMENT_ID", agreementId)
                    .replace("CUSTOMER_NUMBER", customerNumber)
                    .replace("PAYER_NUMBER", payerNumber);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theTestAgreementPassesThePeppolOrderAgreementRules() {
        assertThat(PeppolRules.ORDER_AGREEMENT.getAsSingleID()).isEqualTo("eu.peppol.bis3:order-agreement:2026.5");
        assertThat(PeppolRules.findings(agreement(AGREEMENT_ID, "KN-1480-001", "BN-1480-01"), PeppolRules.ORDER_AGREEMENT))
                .isEmpty();
    }

    @Test
    void thePeppolRulesCatchAnAgreementThatBreaksThem() {
        // A currency outside the code list passes the UBL schema; the Peppol schematron refuses it.
        String broken = agreement(AGREEMENT_ID, "KN-1480-001", "BN-1480-01")
                .replace("<cbc:DocumentCurrencyCode>SEK</cbc:DocumentCurrencyCode>",
                        "<cbc:DocumentCurrencyCode>XXX</cbc:DocumentCurrencyCode>");

        assertThat(PeppolRules.findings(broken, PeppolRules.ORDER_AGREEMENT)).isNotEmpty();
    }

    @Test
    void readsTheReferencesTheNumbersAndTheLines() {
        byte[] file = bytes(agreement(AGREEMENT_ID, "KN-1480-001", "BN-1480-01"));

        OrderAgreement read = reader.read(reader.parse(file));

        assertThat(read.agreementId()).isEqualTo(AGREEMENT_ID);
        assertThat(read.supplierOrderId()).isEqualTo("SO-77001234");
        assertThat(read.issueDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(read.customerNumber()).isEqualTo("KN-1480-001");
        assertThat(read.payerNumber()).isEqualTo("BN-1480-01");
        assertThat(read.lines()).containsExactly(new OrderAgreement.Line("HMN-10001", new BigDecimal("2")));
    }

    @Test
    void tellsAnOrderAgreementByItsHeadFromTheOtherStatusFiles() {
        assertThat(OrderAgreementReader.isOrderAgreement(bytes(agreement(AGREEMENT_ID, "A", "B")))).isTrue();
        assertThat(OrderAgreementReader.isOrderAgreement(bytes("""
                <OrderResponse xmlns="urn:oasis:names:specification:ubl:schema:xsd:OrderResponse-2"
                  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
                  <cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:order_response:3</cbc:CustomizationID>
                </OrderResponse>"""))).isFalse();
        assertThat(OrderAgreementReader.isOrderAgreement(new byte[0])).isFalse();
    }

    @Test
    void theResponseReaderRefusesAnAgreementItWasHandedRatherThanTakingItForAResponse() {
        // Its CustomizationID beyond the head: no status is made of it.
        String late = agreement(AGREEMENT_ID, "A", "B").replace("<OrderResponse ",
                "<!--" + " ".repeat(OrderAgreementReader.HEAD_BYTES) + "-->\n<OrderResponse ");

        assertThat(OrderAgreementReader.isOrderAgreement(bytes(late))).isFalse();
        assertThatThrownBy(() -> new PeppolResponseReader().read(bytes(late)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Order Agreement");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "0263bf48-9a55-4d15-adf5-2c2921036d1c-and-more-than-36",
            "agreement/17", "19121212-1212<"})
    void refusesAnAgreementIdThatCannotBeAHubReferenceWithoutQuotingIt(String agreementId) {
        String xml = agreement(agreementId.replace("<", "&lt;"), "KN-1480-001", "BN-1480-01");

        assertThatThrownBy(() -> reader.read(reader.parse(bytes(xml))))
                .isInstanceOfSatisfying(OrderAgreementRefused.class, refused -> {
                    assertThat(refused.code()).isEqualTo(OrderAgreementRefused.AGREEMENT_ID_INVALID);
                    assertThat(agreementId.isEmpty() || !refused.getMessage().contains(agreementId))
                            .as("the reason quotes the ID").isTrue();
                });
    }

    @Test
    void refusesAnExternalEntityWithoutReadingIt() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE OrderResponse [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <OrderResponse xmlns="urn:oasis:names:specification:ubl:schema:xsd:OrderResponse-2"
                  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
                  <cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:order_agreement:3</cbc:CustomizationID>
                  <cbc:ID>&secret;</cbc:ID>
                </OrderResponse>""";

        assertThatThrownBy(() -> reader.parse(bytes(xxe)))
                .isInstanceOfSatisfying(OrderAgreementRefused.class, refused -> {
                    assertThat(refused.code()).isEqualTo(OrderAgreementRefused.NOT_WELL_FORMED);
                    assertThat(refused.getMessage()).contains("DTD").doesNotContain("root:");
                });
    }

    @Test
    void refusesAnEntityExpansionBomb() {
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <OrderResponse xmlns="urn:oasis:names:specification:ubl:schema:xsd:OrderResponse-2">&lol2;</OrderResponse>""";

        assertThatThrownBy(() -> reader.parse(bytes(bomb)))
                .isInstanceOfSatisfying(OrderAgreementRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo(OrderAgreementRefused.NOT_WELL_FORMED));
    }

    @Test
    void refusesAFileOverTheLimitBeforeParsingIt() {
        byte[] huge = new byte[OrderAgreementReader.DEFAULT_MAX_BYTES + 1];

        assertThatThrownBy(() -> reader.parse(huge))
                .isInstanceOfSatisfying(OrderAgreementRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo(OrderAgreementRefused.FILE_TOO_LARGE));
    }

    @Test
    void refusesAnotherRootElement() {
        String order = """
                <Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"
                  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
                  <cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:order_agreement:3</cbc:CustomizationID>
                </Order>""";

        assertThatThrownBy(() -> reader.parse(bytes(order)))
                .isInstanceOfSatisfying(OrderAgreementRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo(OrderAgreementRefused.NOT_AN_ORDER_AGREEMENT));
    }

    @Test
    void refusesAnOrderResponseThatIsNoAgreement() {
        String response = agreement(AGREEMENT_ID, "A", "B").replace(OrderAgreementReader.CUSTOMIZATION_ID,
                "urn:fdc:peppol.eu:poacc:trns:order_response:3");

        assertThatThrownBy(() -> reader.read(reader.parse(bytes(response))))
                .isInstanceOfSatisfying(OrderAgreementRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo(OrderAgreementRefused.NOT_AN_ORDER_AGREEMENT));
    }
}
