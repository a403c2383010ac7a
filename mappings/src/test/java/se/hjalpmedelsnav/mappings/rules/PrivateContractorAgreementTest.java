package se.hjalpmedelsnav.mappings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CONTRACTOR_WITH_CURRENT_AGREEMENT;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CONTRACTOR_WITH_EXPIRED_AGREEMENT;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CURRENT_AGREEMENT;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CURRENT_AGREEMENT_FROM;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_OF_NON_PARTY;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_WITHOUT_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_WITH_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.EXPIRED_AGREEMENT;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.EXPIRED_AGREEMENT_TO;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.NON_PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.ORDER_DATE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.UNREGISTERED_CONTRACTOR;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.OrderBuilder;
import se.hjalpmedelsnav.mappings.order.TestRegistry;

class PrivateContractorAgreementTest {

    private final PrivateContractorAgreement rule = new PrivateContractorAgreement();

    @Test
    void saysNothingWhenTheOrdererIsNotWithAPrivateContractor() {
        var order = OrderBuilder.valid().withPrivateContractor(null).build();

        assertThat(rule.check(order, context(PARTY_KOMMUN, ORDER_DATE))).isEmpty();
    }

    static Stream<Arguments> allowedOrders() {
        return Stream.of(
                Arguments.of("current agreement", CONTRACTOR_WITH_CURRENT_AGREEMENT, ORDER_DATE),
                Arguments.of("organisationsnummer without hyphen", "5566778899", ORDER_DATE),
                Arguments.of("first day of the agreement", CONTRACTOR_WITH_CURRENT_AGREEMENT, CURRENT_AGREEMENT_FROM),
                Arguments.of("last day of an agreement that has since ended", CONTRACTOR_WITH_EXPIRED_AGREEMENT,
                        EXPIRED_AGREEMENT_TO));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowedOrders")
    void acceptsContractorWithAnAgreementValidOnTheOrderDateCoveringTheCustomerNumber(String why, String orgNumber,
            LocalDate orderDate) {
        var order = OrderBuilder.valid().withPrivateContractor(orgNumber)
                .withCustomerNumber(CUSTOMER_WITH_BUFFER_STORE).build();

        assertThat(rule.check(order, context(PARTY_KOMMUN, orderDate))).isEmpty();
    }

    @Test
    void findsContractorRegisteredWithoutHyphenWhenTheOrderHasOne() {
        var registry = TestRegistry.empty()
                .contractor("5566778899", "Testomsorg AB", new se.hjalpmedelsnav.mappings.registry
                        .PrivateContractorAgreement(PARTY_KOMMUN, CURRENT_AGREEMENT, CURRENT_AGREEMENT_FROM, null,
                        List.of(CUSTOMER_WITH_BUFFER_STORE)))
                .build();
        var order = OrderBuilder.valid().withPrivateContractor("556677-8899").build();

        assertThat(rule.check(order, new RuleContext(PARTY_KOMMUN, registry, ORDER_DATE))).isEmpty();
    }

    static Stream<Arguments> refusedOrders() {
        return Stream.of(
                Arguments.of("unknown contractor", UNREGISTERED_CONTRACTOR, PARTY_KOMMUN, CUSTOMER_WITH_BUFFER_STORE,
                        ORDER_DATE, List.of("is not registered")),
                Arguments.of("no agreement with this municipality", CONTRACTOR_WITH_CURRENT_AGREEMENT,
                        NON_PARTY_KOMMUN, CUSTOMER_OF_NON_PARTY, ORDER_DATE,
                        List.of("no agreement with the municipality of this queue")),
                Arguments.of("agreement expired", CONTRACTOR_WITH_EXPIRED_AGREEMENT, PARTY_KOMMUN,
                        CUSTOMER_WITH_BUFFER_STORE, ORDER_DATE, List.of("is not valid on the order date")),
                Arguments.of("agreement expired the day before", CONTRACTOR_WITH_EXPIRED_AGREEMENT, PARTY_KOMMUN,
                        CUSTOMER_WITH_BUFFER_STORE, EXPIRED_AGREEMENT_TO.plusDays(1),
                        List.of("is not valid on the order date", "ended or not yet begun")),
                Arguments.of("agreement not yet in force", CONTRACTOR_WITH_CURRENT_AGREEMENT, PARTY_KOMMUN,
                        CUSTOMER_WITH_BUFFER_STORE, CURRENT_AGREEMENT_FROM.minusDays(1),
                        List.of("is not valid on the order date", "ended or not yet begun")),
                Arguments.of("agreement does not cover the customer number", CONTRACTOR_WITH_CURRENT_AGREEMENT,
                        PARTY_KOMMUN, CUSTOMER_WITHOUT_BUFFER_STORE, ORDER_DATE,
                        List.of("does not cover this customer number")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedOrders")
    void rejectsContractorWithoutAnAgreementAllowingTheOrderAndSaysWhy(String why, String orgNumber,
            String queueKommunCode, String customerNumber, LocalDate orderDate, List<String> messageSays) {
        var order = OrderBuilder.valid().withKommunCode(queueKommunCode).withPrivateContractor(orgNumber)
                .withCustomerNumber(customerNumber).build();

        var errors = rule.check(order, context(queueKommunCode, orderDate));

        assertThat(errors).extracting(ContractError::code, ContractError::field)
                .containsExactly(Tuple.tuple(ErrorCode.PRIVATE_CONTRACTOR_NO_AGREEMENT,
                        "orderer.privateContractorOrgNumber"));
        assertThat(errors.get(0).message()).contains(messageSays)
                // a sole trader's organisationsnummer is a personnummer: never quoted
                .doesNotContain(orgNumber, orgNumber.replace("-", ""), customerNumber, queueKommunCode,
                        orderDate.toString())
                // nor the registry's agreements (references, dates): the municipality's administrators have them
                .doesNotContain(CURRENT_AGREEMENT, EXPIRED_AGREEMENT, CURRENT_AGREEMENT_FROM.toString(),
                        EXPIRED_AGREEMENT_TO.toString());
    }

    private static RuleContext context(String queueKommunCode, LocalDate orderDate) {
        return new RuleContext(queueKommunCode, TestRegistry.standardRegistry(), orderDate);
    }
}
