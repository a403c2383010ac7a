package se.hjalpmedelsnav.mappings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_OF_NON_PARTY;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_WITHOUT_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_WITH_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PAYER_OF_CUSTOMER_WITHOUT_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PAYER_OF_CUSTOMER_WITH_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PAYER_OF_NON_PARTY;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.SECOND_PAYER_OF_CUSTOMER_WITH_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.contextOnQueue;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.OrderBuilder;

class PayerNumberLinkedTest {

    private final PayerNumberLinked rule = new PayerNumberLinked();

    @ParameterizedTest(name = "payer {1} on customer {0}")
    @CsvSource({
            CUSTOMER_WITH_BUFFER_STORE + "," + PAYER_OF_CUSTOMER_WITH_BUFFER_STORE,
            CUSTOMER_WITH_BUFFER_STORE + "," + SECOND_PAYER_OF_CUSTOMER_WITH_BUFFER_STORE,
            CUSTOMER_WITHOUT_BUFFER_STORE + "," + PAYER_OF_CUSTOMER_WITHOUT_BUFFER_STORE,
    })
    void acceptsPayerNumberLinkedToTheCustomerNumber(String customerNumber, String payerNumber) {
        var order = OrderBuilder.valid().withCustomerNumber(customerNumber).withPayerNumber(payerNumber).build();

        assertThat(rule.check(order, contextOnQueue(PARTY_KOMMUN))).isEmpty();
    }

    @ParameterizedTest(name = "payer {1} on customer {0}: {2}")
    @CsvSource({
            CUSTOMER_WITH_BUFFER_STORE + "," + PAYER_OF_CUSTOMER_WITHOUT_BUFFER_STORE
                    + ", payer number of another customer number of the same municipality",
            CUSTOMER_WITH_BUFFER_STORE + "," + PAYER_OF_NON_PARTY + ", payer number of another municipality",
            CUSTOMER_WITH_BUFFER_STORE + ",000000, unregistered payer number",
    })
    void rejectsPayerNumberNotLinkedToTheCustomerNumber(String customerNumber, String payerNumber, String why) {
        var order = OrderBuilder.valid().withCustomerNumber(customerNumber).withPayerNumber(payerNumber).build();

        var errors = rule.check(order, contextOnQueue(PARTY_KOMMUN));

        assertThat(errors).as(why).extracting(ContractError::code, ContractError::field)
                .containsExactly(Tuple.tuple(ErrorCode.PAYER_NUMBER_INVALID, "payerNumber"));
        // Neither the numbers sent nor the registry's: the field says which number is wrong.
        assertThat(errors.get(0).message()).contains("not linked to the customer number")
                .doesNotContain(payerNumber, customerNumber, PAYER_OF_CUSTOMER_WITH_BUFFER_STORE,
                        SECOND_PAYER_OF_CUSTOMER_WITH_BUFFER_STORE);
    }

    @ParameterizedTest(name = "payer {1} on customer {0}")
    @CsvSource({
            "999999,000000",
            CUSTOMER_OF_NON_PARTY + "," + PAYER_OF_NON_PARTY,
    })
    void saysNothingWhenTheCustomerNumberIsUnknownToTheQueuesMunicipality(String customerNumber, String payerNumber) {
        var order = OrderBuilder.valid().withCustomerNumber(customerNumber).withPayerNumber(payerNumber).build();

        assertThat(rule.check(order, contextOnQueue(PARTY_KOMMUN))).isEmpty();
    }
}
