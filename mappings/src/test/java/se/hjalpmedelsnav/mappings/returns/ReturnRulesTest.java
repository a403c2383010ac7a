package se.hjalpmedelsnav.mappings.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CONTRACTOR_WITH_CURRENT_AGREEMENT;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CONTRACTOR_WITH_EXPIRED_AGREEMENT;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_OF_NON_PARTY;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_WITHOUT_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.NON_PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PAYER_OF_NON_PARTY;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.OrderBuilder;
import se.hjalpmedelsnav.mappings.order.TestRegistry;
import se.hjalpmedelsnav.mappings.registry.Registry;
import se.hjalpmedelsnav.mappings.ruletable.MessageRules;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

class ReturnRulesTest {

    private final Registry registry = TestRegistry.standardRegistry();
    private final MessageRules rules = MessageRules.handbook();

    @Test
    void acceptsAValidReturn() {
        var message = ReturnBuilder.valid().build();

        assertThat(rules.check(message, RuleContext.of(message, PARTY_KOMMUN, registry))).isEmpty();
    }

    static Stream<Arguments> refusedReturns() {
        return Stream.of(
                refused("kommunCode of another queue", builder -> builder.withKommunCode(NON_PARTY_KOMMUN),
                        tuple(ErrorCode.KOMMUN_MISMATCH, "kommunCode")),
                refused("customer number of another municipality",
                        builder -> builder.withCustomerNumber(CUSTOMER_OF_NON_PARTY),
                        tuple(ErrorCode.CUSTOMER_NUMBER_UNKNOWN, "customerNumber")),
                refused("payer number not linked", builder -> builder.withPayerNumber(PAYER_OF_NON_PARTY),
                        tuple(ErrorCode.PAYER_NUMBER_INVALID, "payerNumber")),
                refused("private contractor's agreement expired",
                        builder -> builder.withPrivateContractor(CONTRACTOR_WITH_EXPIRED_AGREEMENT),
                        tuple(ErrorCode.PRIVATE_CONTRACTOR_NO_AGREEMENT, "orderer.privateContractorOrgNumber")),
                refused("private contractor's agreement not covering the customer number",
                        builder -> builder.withPrivateContractor(CONTRACTOR_WITH_CURRENT_AGREEMENT)
                                .withCustomerNumber(CUSTOMER_WITHOUT_BUFFER_STORE)
                                .withPayerNumber(TestRegistry.PAYER_OF_CUSTOMER_WITHOUT_BUFFER_STORE),
                        tuple(ErrorCode.PRIVATE_CONTRACTOR_NO_AGREEMENT, "orderer.privateContractorOrgNumber")),
                refused("a device named twice", builder -> builder.withDeviceIds("IND-1", "IND-2", "IND-1"),
                        tuple(ErrorCode.SCHEMA_INVALID, "deviceIds[2]")),
                refused("no pickup when the need ended", builder -> builder.withoutPickup(),
                        tuple(ErrorCode.SCHEMA_INVALID, "pickup")));
    }

    private static Arguments refused(String name, UnaryOperator<ReturnBuilder> change, Tuple... expected) {
        return arguments(named(name, change), List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedReturns")
    void rejectsAReturnBreakingARuleWithCodeAndField(UnaryOperator<ReturnBuilder> change, List<Tuple> expected) {
        var message = change.apply(ReturnBuilder.valid()).build();

        var errors = rules.check(message, RuleContext.of(message, PARTY_KOMMUN, registry));

        assertThat(errors).extracting(ContractError::code, ContractError::field)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void acceptsALostDeviceWithoutPickup() {
        var message = ReturnBuilder.valid().withReason(ReturnReason.LOST).withoutPickup().build();

        assertThat(rules.check(message, RuleContext.of(message, PARTY_KOMMUN, registry))).isEmpty();
    }

    @Test
    void reportsEveryBrokenRuleOfAReturnAtOnceInRuleOrder() {
        var message = ReturnBuilder.valid()
                .withKommunCode(NON_PARTY_KOMMUN)
                .withPayerNumber(PAYER_OF_NON_PARTY)
                .withPrivateContractor(CONTRACTOR_WITH_EXPIRED_AGREEMENT)
                .withDeviceIds("IND-1", "IND-1")
                .withReason(ReturnReason.DECEASED)
                .withoutPickup()
                .build();

        var errors = rules.check(message, RuleContext.of(message, PARTY_KOMMUN, registry));

        assertThat(errors).extracting(ContractError::code, ContractError::field).containsExactly(
                tuple(ErrorCode.KOMMUN_MISMATCH, "kommunCode"),
                tuple(ErrorCode.PAYER_NUMBER_INVALID, "payerNumber"),
                tuple(ErrorCode.PRIVATE_CONTRACTOR_NO_AGREEMENT, "orderer.privateContractorOrgNumber"),
                tuple(ErrorCode.SCHEMA_INVALID, "deviceIds[1]"),
                tuple(ErrorCode.SCHEMA_INVALID, "pickup"));
    }

    @Test
    void rejectsEverythingFromAMunicipalityThatIsNotAParty() {
        var message = ReturnBuilder.valid().withKommunCode(NON_PARTY_KOMMUN)
                .withCustomerNumber(CUSTOMER_OF_NON_PARTY).withPayerNumber(PAYER_OF_NON_PARTY).build();

        assertThat(rules.check(message, RuleContext.of(message, NON_PARTY_KOMMUN, registry)))
                .extracting(ContractError::code).containsExactly(ErrorCode.KOMMUN_NOT_PARTY);
    }

    @Test
    void saysAContractorsAgreementIsNotValidOnTheDateOfTheMessageNotOfAnOrder() {
        var message = ReturnBuilder.valid().withPrivateContractor(CONTRACTOR_WITH_EXPIRED_AGREEMENT).build();

        var errors = rules.check(message, RuleContext.of(message, PARTY_KOMMUN, registry));

        assertThat(errors).singleElement().extracting(ContractError::message).asString()
                .contains("date of the message").doesNotContain("order date", "2026-03-02");
    }

    @Test
    void neverPutsPersonalDataInAnErrorMessage() {
        var message = ReturnBuilder.valid().withPrivateContractor("191212-1212").withDeviceIds("IND-1", "IND-1")
                .withoutPickup().build();

        var errors = rules.check(message, RuleContext.of(message, PARTY_KOMMUN, registry));

        assertThat(errors).hasSize(3).extracting(ContractError::message).allSatisfy(text -> assertThat(text)
                .doesNotContain("121212", ReturnBuilder.CONTACT_NAME, OrderBuilder.ORDERER_NAME, OrderBuilder.PHONE,
                        ReturnBuilder.HOME.street()));
    }

    @ParameterizedTest
    @EnumSource(ReturnReason.class)
    void asksForAPickupForEveryReasonButLost(ReturnReason reason) {
        var message = ReturnBuilder.valid().withReason(reason).withoutPickup().build();

        var errors = rules.check(message, RuleContext.of(message, PARTY_KOMMUN, registry));

        assertThat(errors).hasSize(reason == ReturnReason.LOST ? 0 : 1);
    }
}
