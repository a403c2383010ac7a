package se.hjalpmedelsnav.mappings.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.hjalpmedelsnav.mappings.supplier.TestOrders.anOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import se.hjalpmedelsnav.mappings.order.Address;
import se.hjalpmedelsnav.mappings.order.DeliveryTarget;
import se.hjalpmedelsnav.mappings.order.IdentityProtection;
import se.hjalpmedelsnav.mappings.order.OrderLine;
import se.hjalpmedelsnav.mappings.order.OrderProcess;

class SupplierOrderTranslatorTest {

    private static final String HUB_REFERENCE = "3f2b8c1e-8d4a-4c6e-9a57-0b1c2d3e4f50";

    private final SupplierOrderTranslator translator = new SupplierOrderTranslator();
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private SupplierOrder translate(TestOrders.Builder order) {
        return translator.toSupplierOrder(order.build(), HUB_REFERENCE, TestOrders.registry());
    }

    @Test
    void carriesReferencesOrdererLinesAndNote() {
        SupplierOrder order = translate(anOrder().privateContractor("5560000001")
                .lines(new OrderLine("ART-1001", 3), new OrderLine("ART-3003", 1)));

        assertThat(order.orderId()).isEqualTo(HUB_REFERENCE);
        assertThat(order.municipalityCode()).isEqualTo(TestOrders.KOMMUN);
        assertThat(order.customer()).isEqualTo(new SupplierCustomer(TestOrders.CUSTOMER_NUMBER, TestOrders.UNIT));
        assertThat(order.payerNumber()).isEqualTo(TestOrders.PAYER_NUMBER);
        assertThat(order.process()).isEqualTo(OrderProcess.EXECUTION);
        assertThat(order.decisionReference()).isEqualTo("BESLUT-2026-17");
        assertThat(order.orderer()).isEqualTo(new SupplierOrderer("ord-7", "Olga Orderer", "ARBETSTERAPEUT",
                TestOrders.ORDERER_PHONE, "5560000001"));
        assertThat(order.lines()).containsExactly(new SupplierOrderLine("ART-1001", 3),
                new SupplierOrderLine("ART-3003", 1));
        assertThat(order.totalQuantity()).isEqualTo(4);
        assertThat(order.note()).isEqualTo("Ring innan leverans");
    }

    @Test
    void passesNameAndGuardianOfAnUnprotectedRecipient() {
        SupplierRecipient recipient = translate(anOrder()).recipient();

        assertThat(recipient).isEqualTo(new SupplierRecipient(TestOrders.PERSONAL_ID, TestOrders.RECIPIENT_NAME,
                false, new SupplierContact(TestOrders.GUARDIAN_NAME, TestOrders.GUARDIAN_PHONE)));
    }

    @ParameterizedTest(name = "{0} is sent as {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "191212121212,  191212121212",
            "19121212-1212, 191212121212",
            // The short forms' century follows the order date (2026-11-23): '-' under 100, '+' 100 or older.
            "121212-1212,   201212121212",
            "121212+1212,   191212121212"})
    void sendsThePersonalIdentityNumberInItsTwelveDigitForm(String asSent, String twelveDigits) {
        assertThat(translate(anOrder().personalIdentityNumber(asSent)).recipient().personalIdentityNumber())
                .isEqualTo(twelveDigits);
    }

    @ParameterizedTest
    @EnumSource(value = IdentityProtection.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void sendsOnlyIdentityNumberAndFlagOfAProtectedRecipient(IdentityProtection protection) {
        SupplierOrder order = translate(anOrder().protection(protection));

        assertThat(order.recipient()).isEqualTo(new SupplierRecipient(TestOrders.PERSONAL_ID, null, true, null));
        assertThat(order.orderer().phone()).as("orderer phone").isNull();
        assertThat(order.delivery().contact().phone()).as("the unit's delivery contact")
                .isEqualTo(TestOrders.CONTACT_PHONE);
    }

    @Test
    void leavesNameGuardianAndHomeOutOfAProtectedRecipientsJson() throws Exception {
        SupplierOrder order = translate(anOrder().protection(IdentityProtection.SKYDDAD_FOLKBOKFORING));

        String body = json.writeValueAsString(order);
        JsonNode tree = json.readTree(body);

        assertThat(tree.path("recipient").has("name")).isFalse();
        assertThat(tree.path("recipient").has("guardian")).isFalse();
        assertThat(tree.path("recipient").path("protectedIdentity").asBoolean()).isTrue();
        assertThat(body).doesNotContain(TestOrders.RECIPIENT_NAME, TestOrders.GUARDIAN_NAME,
                TestOrders.GUARDIAN_PHONE, TestOrders.ORDERER_PHONE, TestOrders.HOME.street());
    }

    static Stream<Arguments> deliveryAddresses() {
        return Stream.of(
                Arguments.of(DeliveryTarget.RECIPIENT, IdentityProtection.NONE, TestOrders.HOME, TestOrders.HOME),
                Arguments.of(DeliveryTarget.UNIT, IdentityProtection.NONE, TestOrders.UNIT_ADDRESS,
                        TestOrders.UNIT_ADDRESS),
                Arguments.of(DeliveryTarget.UNIT, IdentityProtection.SEKRETESSMARKERING, TestOrders.UNIT_ADDRESS,
                        TestOrders.UNIT_ADDRESS),
                // The buffer store's address comes from the registry, whatever the message says.
                Arguments.of(DeliveryTarget.BUFFER_STORE, IdentityProtection.NONE, TestOrders.HOME,
                        TestOrders.BUFFER_STORE),
                Arguments.of(DeliveryTarget.BUFFER_STORE, IdentityProtection.SKYDDAD_FOLKBOKFORING, null,
                        TestOrders.BUFFER_STORE));
    }

    @ParameterizedTest(name = "{0}, protection {1}")
    @MethodSource("deliveryAddresses")
    void deliversToTheAddressTheTargetCallsFor(DeliveryTarget target, IdentityProtection protection,
            Address inMessage, Address expected) {
        SupplierDelivery delivery = translate(anOrder().protection(protection).deliverTo(target, inMessage))
                .delivery();

        assertThat(delivery.target()).isEqualTo(target);
        assertThat(delivery.address()).isEqualTo(new SupplierAddress(expected.careOf(), expected.street(),
                expected.postalCode(), expected.city()));
    }

    @ParameterizedTest
    @EnumSource(value = IdentityProtection.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void refusesHomeDeliveryForAProtectedRecipient(IdentityProtection protection) {
        TestOrders.Builder order = anOrder().protection(protection).deliverTo(DeliveryTarget.RECIPIENT,
                TestOrders.HOME);

        assertThatThrownBy(() -> translate(order))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("delivery.target")
                .hasMessageNotContaining(TestOrders.HOME.street());
    }

    @Test
    void refusesBufferStoreDeliveryForAUnitWithoutOne() {
        TestOrders.Builder order = anOrder().customerNumber(TestOrders.CUSTOMER_WITHOUT_BUFFER_STORE)
                .deliverTo(DeliveryTarget.BUFFER_STORE, null);

        assertThatThrownBy(() -> translate(order))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BUFFER_STORE");
    }

    @Test
    void refusesACustomerNumberTheRegistryDoesNotHoldForTheMunicipality() {
        TestOrders.Builder order = anOrder().customerNumber("K-9999-99");

        assertThatThrownBy(() -> translate(order))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customerNumber");
    }
}
