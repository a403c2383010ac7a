package se.hjalpmedelsnav.mappings.ruletable;

import static org.assertj.core.api.Assertions.assertThat;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_OF_NON_PARTY;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_WITHOUT_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_WITH_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.NON_PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.ORDER_DATE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PAYER_OF_CUSTOMER_WITHOUT_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PAYER_OF_CUSTOMER_WITH_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PAYER_OF_NON_PARTY;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.TestRegistry;
import se.hjalpmedelsnav.mappings.registry.Registry;

/** The rules an Order Agreement (an order the supplier took outside the hub) is checked with: the shared ones. */
class OrderAgreementRulesTest {

    private final Registry registry = TestRegistry.standardRegistry();

    @Test
    void findsTheMunicipalityByTheCustomerNumberAndPassesLinkedNumbers() {
        MessageRules.OrderAgreementCheck check = MessageRules.checkOrderAgreement(CUSTOMER_WITH_BUFFER_STORE,
                PAYER_OF_CUSTOMER_WITH_BUFFER_STORE, registry, ORDER_DATE);

        assertThat(check.kommunCode()).isEqualTo(PARTY_KOMMUN);
        assertThat(check.errors()).isEmpty();
        assertThat(check.passed()).isTrue();
    }

    static Stream<Arguments> brokenAgreements() {
        return Stream.of(
                Arguments.of("customer number of a non-party", CUSTOMER_OF_NON_PARTY, PAYER_OF_NON_PARTY,
                        NON_PARTY_KOMMUN, List.of(ErrorCode.KOMMUN_NOT_PARTY)),
                Arguments.of("customer number nobody has", "999999", PAYER_OF_CUSTOMER_WITH_BUFFER_STORE, null,
                        List.of(ErrorCode.CUSTOMER_NUMBER_UNKNOWN)),
                Arguments.of("payer number linked to another customer number", CUSTOMER_WITH_BUFFER_STORE,
                        PAYER_OF_CUSTOMER_WITHOUT_BUFFER_STORE, PARTY_KOMMUN, List.of(ErrorCode.PAYER_NUMBER_INVALID)),
                Arguments.of("no payer number", CUSTOMER_WITHOUT_BUFFER_STORE, null, PARTY_KOMMUN,
                        List.of(ErrorCode.PAYER_NUMBER_INVALID)),
                Arguments.of("no customer number", null, PAYER_OF_CUSTOMER_WITH_BUFFER_STORE, null,
                        List.of(ErrorCode.CUSTOMER_NUMBER_UNKNOWN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenAgreements")
    void refusesAnAgreementThatBreaksTheRulesNamingEachCodeAndNoValue(String description, String customerNumber,
            String payerNumber, String kommunCode, List<ErrorCode> codes) {
        MessageRules.OrderAgreementCheck check = MessageRules.checkOrderAgreement(customerNumber, payerNumber, registry,
                ORDER_DATE);

        assertThat(check.passed()).isFalse();
        assertThat(check.kommunCode()).isEqualTo(kommunCode);
        assertThat(check.errors()).extracting(ContractError::code).containsExactlyElementsOf(codes);
        for (ContractError error : check.errors()) {
            assertThat(error.message()).doesNotContain(customerNumber == null ? "\u0000" : customerNumber)
                    .doesNotContain(payerNumber == null ? "\u0000" : payerNumber);
        }
    }
}
