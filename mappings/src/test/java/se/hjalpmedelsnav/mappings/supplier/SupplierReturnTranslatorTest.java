package se.hjalpmedelsnav.mappings.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static se.hjalpmedelsnav.mappings.supplier.TestReturns.aReturn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import se.hjalpmedelsnav.mappings.order.Address;
import se.hjalpmedelsnav.mappings.returns.Pickup;
import se.hjalpmedelsnav.mappings.returns.ReturnReason;

class SupplierReturnTranslatorTest {

    private static final String HUB_REFERENCE = "7a1c9e2d-4b3f-4e8a-9c61-2d3e4f5a6b70";

    private final SupplierReturnTranslator translator = new SupplierReturnTranslator();
    private final ObjectMapper json = JsonMapper.builder().build();

    private SupplierReturn translate(TestReturns.ReturnBuilder message) {
        return translator.toSupplierReturn(message.build(), HUB_REFERENCE, TestOrders.registry());
    }

    @Test
    void carriesReferencesOrdererDevicesAndPickup() {
        SupplierReturn supplierReturn = translate(aReturn().deviceIds("IND-10000001", "IND-10000009"));

        assertThat(supplierReturn.returnId()).isEqualTo(HUB_REFERENCE);
        assertThat(supplierReturn.municipalityCode()).isEqualTo(TestOrders.KOMMUN);
        assertThat(supplierReturn.customer()).isEqualTo(new SupplierCustomer(TestOrders.CUSTOMER_NUMBER, TestOrders.UNIT));
        assertThat(supplierReturn.payerNumber()).isEqualTo(TestOrders.PAYER_NUMBER);
        assertThat(supplierReturn.orderer()).isEqualTo(new SupplierOrderer("ord-7", "Olga Orderer", "ARBETSTERAPEUT",
                TestOrders.ORDERER_PHONE, null));
        assertThat(supplierReturn.deviceIds()).containsExactly("IND-10000001", "IND-10000009");
        assertThat(supplierReturn.reason()).isEqualTo(ReturnReason.NEED_ENDED);
        assertThat(supplierReturn.pickup()).isEqualTo(new SupplierPickup(
                new SupplierAddress(null, TestOrders.HOME.street(), TestOrders.HOME.postalCode(), TestOrders.HOME.city()),
                new SupplierContact("Kim Kontakt", TestOrders.CONTACT_PHONE)));
        assertThat(supplierReturn.note()).isEqualTo("Portkod 1234");
    }

    @ParameterizedTest
    @EnumSource(ReturnReason.class)
    void sendsAPickupForEveryReasonButLost(ReturnReason reason) {
        SupplierReturn supplierReturn = translate(aReturn().reason(reason));

        boolean lost = reason == ReturnReason.LOST;
        assertThat(supplierReturn.reason()).isEqualTo(reason);
        assertThat(supplierReturn.lost()).isEqualTo(lost);
        assertThat(supplierReturn.pickup() == null).as("pickup left out").isEqualTo(lost);
    }

    @Test
    void leavesTheGivenPickupOutOfALostReturnsJson() throws Exception {
        SupplierReturn supplierReturn = translate(aReturn().reason(ReturnReason.LOST));

        String body = json.writeValueAsString(supplierReturn);
        JsonNode tree = json.readTree(body);

        assertThat(tree.has("pickup")).isFalse();
        assertThat(tree.path("lost").asBoolean()).isTrue();
        assertThat(body).doesNotContain(TestOrders.HOME.street(), "Kim Kontakt", TestOrders.CONTACT_PHONE);
    }

    @Test
    void takesALostReturnWithoutPickup() {
        SupplierReturn supplierReturn = translate(aReturn().reason(ReturnReason.LOST).pickup(null));

        assertThat(supplierReturn.pickup()).isNull();
        assertThat(supplierReturn.lost()).isTrue();
    }

    static Stream<Arguments> returnsTheRulesWouldHaveRejected() {
        return Stream.of(
                Arguments.of("unknown customer number", aReturn().customerNumber("K-9999-99"), "customerNumber"),
                Arguments.of("no pickup for a device to fetch", aReturn().pickup(null), "pickup.address"),
                Arguments.of("a pickup without address", aReturn().pickup(new Pickup(null, TestReturns.CONTACT)),
                        "pickup.address"),
                Arguments.of("no reason", aReturn().reason(null), "reason"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("returnsTheRulesWouldHaveRejected")
    void refusesAReturnTheRulesWouldHaveRejectedNamingTheField(String why, TestReturns.ReturnBuilder message,
            String field) {
        assertThatIllegalArgumentException().isThrownBy(() -> translate(message))
                .withMessageContaining(field)
                .withMessageNotContaining("K-9999-99")
                .withMessageNotContaining(TestReturns.CONTACT.phone());
    }

    @Test
    void refusesAMissingHubReference() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> translator.toSupplierReturn(aReturn().build(), " ", TestOrders.registry()))
                .withMessageContaining("hubReference");
    }

    @Test
    void copiesCareOfOfThePickupAddress() {
        Address withCareOf = new Address("c/o Svensson", "Gatan 5", "41104", "Göteborg");

        SupplierReturn supplierReturn = translate(aReturn().pickup(new Pickup(withCareOf, null)));

        assertThat(supplierReturn.pickup().address().careOf()).isEqualTo("c/o Svensson");
        assertThat(supplierReturn.pickup().contact()).isNull();
    }
}
