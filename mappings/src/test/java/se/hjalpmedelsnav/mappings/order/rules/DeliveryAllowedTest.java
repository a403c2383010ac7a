package se.hjalpmedelsnav.mappings.order.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_WITHOUT_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_WITH_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.contextOnQueue;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.Address;
import se.hjalpmedelsnav.mappings.order.DeliveryTarget;
import se.hjalpmedelsnav.mappings.order.IdentityProtection;
import se.hjalpmedelsnav.mappings.order.OrderBuilder;

class DeliveryAllowedTest {

    private static final Address UNIT = new Address(null, "Enhetsvägen 3", "41101", "Göteborg");

    private final DeliveryAllowed rule = new DeliveryAllowed();

    @ParameterizedTest(name = "{0} to {1} on customer {2}, address given {3}")
    @CsvSource({
            "NONE,                  RECIPIENT,    " + CUSTOMER_WITH_BUFFER_STORE + ", true",
            "NONE,                  UNIT,         " + CUSTOMER_WITH_BUFFER_STORE + ", true",
            "NONE,                  BUFFER_STORE, " + CUSTOMER_WITH_BUFFER_STORE + ", false",
            "NONE,                  BUFFER_STORE, " + CUSTOMER_WITH_BUFFER_STORE + ", true",
            "SEKRETESSMARKERING,    UNIT,         " + CUSTOMER_WITH_BUFFER_STORE + ", true",
            "SKYDDAD_FOLKBOKFORING, UNIT,         " + CUSTOMER_WITHOUT_BUFFER_STORE + ", true",
            "SKYDDAD_FOLKBOKFORING, BUFFER_STORE, " + CUSTOMER_WITH_BUFFER_STORE + ", false",
    })
    void acceptsAllowedDeliveries(IdentityProtection protection, DeliveryTarget target, String customerNumber,
            boolean addressGiven) {
        var order = OrderBuilder.valid().withProtection(protection).withDeliveryTo(target)
                .withCustomerNumber(customerNumber).withDeliveryAddress(addressGiven ? UNIT : null).build();

        assertThat(rule.check(order, contextOnQueue(PARTY_KOMMUN))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = IdentityProtection.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void rejectsHomeDeliveryToAUserWithProtectedIdentity(IdentityProtection protection) {
        var order = OrderBuilder.valid().withProtection(protection).withDeliveryTo(DeliveryTarget.RECIPIENT).build();

        var errors = rule.check(order, contextOnQueue(PARTY_KOMMUN));

        assertThat(errors).extracting(ContractError::code, ContractError::field)
                .containsExactly(Tuple.tuple(ErrorCode.DELIVERY_NOT_ALLOWED, "delivery.target"));
        assertThat(errors.get(0).message()).contains("unit or a pickup point", "never home")
                .doesNotContain(protection.name(), DeliveryTarget.RECIPIENT.name());
    }

    @Test
    void rejectsHomeDeliveryToAProtectedUserOnlyForTheTargetEvenWithoutAddress() {
        var order = OrderBuilder.valid().withProtection(IdentityProtection.SKYDDAD_FOLKBOKFORING)
                .withDeliveryTo(DeliveryTarget.RECIPIENT).withoutDeliveryAddress().build();

        assertThat(rule.check(order, contextOnQueue(PARTY_KOMMUN))).extracting(ContractError::code)
                .containsExactly(ErrorCode.DELIVERY_NOT_ALLOWED);
    }

    @Test
    void rejectsBufferStoreDeliveryWhenTheUnitHasNoBufferStore() {
        var order = OrderBuilder.valid().withCustomerNumber(CUSTOMER_WITHOUT_BUFFER_STORE)
                .withDeliveryTo(DeliveryTarget.BUFFER_STORE).withoutDeliveryAddress().build();

        var errors = rule.check(order, contextOnQueue(PARTY_KOMMUN));

        assertThat(errors).extracting(ContractError::code, ContractError::field)
                .containsExactly(Tuple.tuple(ErrorCode.DELIVERY_NOT_ALLOWED, "delivery.target"));
        assertThat(errors.get(0).message()).contains("no buffer store", "UNIT")
                .doesNotContain(CUSTOMER_WITHOUT_BUFFER_STORE);
    }

    @Test
    void leavesBufferStoreDeliveryOnAnUnknownCustomerNumberToTheCustomerNumberRule() {
        var order = OrderBuilder.valid().withCustomerNumber("999999").withDeliveryTo(DeliveryTarget.BUFFER_STORE)
                .withoutDeliveryAddress().build();

        assertThat(rule.check(order, contextOnQueue(PARTY_KOMMUN))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = DeliveryTarget.class, names = {"RECIPIENT", "UNIT"})
    void requiresAnAddressForDeliveryToTheUserOrTheUnit(DeliveryTarget target) {
        var order = OrderBuilder.valid().withDeliveryTo(target).withoutDeliveryAddress().build();

        var errors = rule.check(order, contextOnQueue(PARTY_KOMMUN));

        assertThat(errors).extracting(ContractError::code, ContractError::field)
                .containsExactly(Tuple.tuple(ErrorCode.SCHEMA_INVALID, "delivery.address"));
        assertThat(errors.get(0).message()).contains("unless delivery.target is BUFFER_STORE")
                .doesNotContain(target.name());
    }
}
