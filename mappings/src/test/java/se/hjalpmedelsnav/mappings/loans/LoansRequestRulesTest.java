package se.hjalpmedelsnav.mappings.loans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CONTRACTOR_WITH_CURRENT_AGREEMENT;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CONTRACTOR_WITH_EXPIRED_AGREEMENT;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_OF_NON_PARTY;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_WITHOUT_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_WITH_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.NON_PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.TestRegistry;
import se.hjalpmedelsnav.mappings.ruletable.MessageRules;

/** LOANS_REQUEST through the rule table: who may ask, about which customer number, by which key. */
class LoansRequestRulesTest {

    static Stream<Arguments> questions() {
        return Stream.of(
                arguments("own orderer, by person", LoansRequestBuilder.valid(), List.of()),
                arguments("own orderer, by decision, one customer number",
                        LoansRequestBuilder.valid().byDecision("BES-1").withCustomerNumber(CUSTOMER_WITHOUT_BUFFER_STORE),
                        List.of()),
                arguments("contractor on a customer number its agreement covers",
                        LoansRequestBuilder.valid().byPrivateContractor(CONTRACTOR_WITH_CURRENT_AGREEMENT)
                                .withCustomerNumber(CUSTOMER_WITH_BUFFER_STORE), List.of()),
                arguments("two keys", LoansRequestBuilder.valid().alsoByDevice("IND-1"),
                        List.of(ErrorCode.SCHEMA_INVALID)),
                arguments("no key", LoansRequestBuilder.valid().byPerson(null), List.of(ErrorCode.SCHEMA_INVALID)),
                arguments("bad check digit", LoansRequestBuilder.valid().byPerson("19121212-1213"),
                        List.of(ErrorCode.PERSONAL_ID_INVALID)),
                arguments("another municipality's customer number",
                        LoansRequestBuilder.valid().withCustomerNumber(CUSTOMER_OF_NON_PARTY),
                        List.of(ErrorCode.CUSTOMER_NUMBER_UNKNOWN)),
                arguments("contractor naming no customer number",
                        LoansRequestBuilder.valid().byPrivateContractor(CONTRACTOR_WITH_CURRENT_AGREEMENT),
                        List.of(ErrorCode.SCHEMA_INVALID)),
                arguments("contractor on a customer number its agreement does not cover",
                        LoansRequestBuilder.valid().byPrivateContractor(CONTRACTOR_WITH_CURRENT_AGREEMENT)
                                .withCustomerNumber(CUSTOMER_WITHOUT_BUFFER_STORE),
                        List.of(ErrorCode.PRIVATE_CONTRACTOR_NO_AGREEMENT)),
                arguments("contractor whose agreement has ended",
                        LoansRequestBuilder.valid().byPrivateContractor(CONTRACTOR_WITH_EXPIRED_AGREEMENT)
                                .withCustomerNumber(CUSTOMER_WITH_BUFFER_STORE),
                        List.of(ErrorCode.PRIVATE_CONTRACTOR_NO_AGREEMENT)),
                arguments("municipality not party to the agreement",
                        LoansRequestBuilder.valid().withKommunCode(NON_PARTY_KOMMUN),
                        List.of(ErrorCode.KOMMUN_NOT_PARTY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void checksWhoMayAskAndHow(String name, LoansRequestBuilder question, List<ErrorCode> expected) {
        LoansRequestMessage request = question.build();
        String queue = request.kommunCode();

        List<ContractError> errors = MessageRules.handbook().check(request,
                new se.hjalpmedelsnav.mappings.rules.RuleContext(queue, TestRegistry.standardRegistry(),
                        TestRegistry.ORDER_DATE));

        assertThat(errors).extracting(ContractError::code).containsExactlyElementsOf(expected);
        assertThat(errors).extracting(ContractError::message).noneMatch(message -> message.contains("1212"));
    }

    @org.junit.jupiter.api.Test
    void aQuestionOnTheQueueOfAnotherMunicipalityIsRefused() {
        LoansRequestMessage request = LoansRequestBuilder.valid().withKommunCode(PARTY_KOMMUN).build();

        List<ContractError> errors = MessageRules.handbook().check(request,
                new se.hjalpmedelsnav.mappings.rules.RuleContext(NON_PARTY_KOMMUN, TestRegistry.standardRegistry(),
                        TestRegistry.ORDER_DATE));

        assertThat(errors).extracting(ContractError::code).contains(ErrorCode.KOMMUN_MISMATCH);
    }
}
