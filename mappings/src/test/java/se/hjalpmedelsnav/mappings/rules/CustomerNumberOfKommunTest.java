package se.hjalpmedelsnav.mappings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_OF_NON_PARTY;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_WITHOUT_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_WITH_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.NON_PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.UNREGISTERED_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.contextOnQueue;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.OrderBuilder;

class CustomerNumberOfKommunTest {

    private final CustomerNumberOfKommun rule = new CustomerNumberOfKommun();

    @ParameterizedTest(name = "{1} on the queue of {0}")
    @CsvSource({
            PARTY_KOMMUN + "," + CUSTOMER_WITH_BUFFER_STORE,
            PARTY_KOMMUN + "," + CUSTOMER_WITHOUT_BUFFER_STORE,
            NON_PARTY_KOMMUN + "," + CUSTOMER_OF_NON_PARTY,
    })
    void acceptsCustomerNumberOfTheQueuesMunicipality(String queueKommunCode, String customerNumber) {
        var order = OrderBuilder.valid().withKommunCode(queueKommunCode).withCustomerNumber(customerNumber).build();

        assertThat(rule.check(order, contextOnQueue(queueKommunCode))).isEmpty();
    }

    @ParameterizedTest(name = "{1} on the queue of {0}: {2}")
    @CsvSource({
            PARTY_KOMMUN + "," + CUSTOMER_OF_NON_PARTY + ", customer number of another municipality",
            NON_PARTY_KOMMUN + "," + CUSTOMER_WITH_BUFFER_STORE + ", customer number of another municipality",
            PARTY_KOMMUN + ",999999, unregistered customer number",
            UNREGISTERED_KOMMUN + "," + CUSTOMER_WITH_BUFFER_STORE + ", municipality not in the registry",
    })
    void rejectsCustomerNumberNotRegisteredForTheQueuesMunicipality(String queueKommunCode, String customerNumber,
            String why) {
        var order = OrderBuilder.valid().withKommunCode(queueKommunCode).withCustomerNumber(customerNumber).build();

        var errors = rule.check(order, contextOnQueue(queueKommunCode));

        assertThat(errors).as(why).extracting(ContractError::code, ContractError::field)
                .containsExactly(Tuple.tuple(ErrorCode.CUSTOMER_NUMBER_UNKNOWN,
                        "customerNumber"));
        assertThat(errors.get(0).message()).contains("not registered for the municipality of this queue")
                .doesNotContain(customerNumber, queueKommunCode);
    }

    @ParameterizedTest
    @CsvSource({PARTY_KOMMUN + "," + CUSTOMER_OF_NON_PARTY})
    void judgesTheQueuesMunicipalityEvenWhenTheBodyClaimsTheCustomerNumbersOwner(String queueKommunCode,
            String customerNumber) {
        var order = OrderBuilder.valid().withKommunCode(NON_PARTY_KOMMUN).withCustomerNumber(customerNumber).build();

        assertThat(rule.check(order, contextOnQueue(queueKommunCode)))
                .extracting(ContractError::code).containsExactly(ErrorCode.CUSTOMER_NUMBER_UNKNOWN);
    }
}
