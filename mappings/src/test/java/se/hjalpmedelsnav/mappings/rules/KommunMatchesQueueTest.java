package se.hjalpmedelsnav.mappings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.NON_PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.UNREGISTERED_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.contextOnQueue;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.OrderBuilder;

class KommunMatchesQueueTest {

    private final KommunMatchesQueue rule = new KommunMatchesQueue();

    @Test
    void acceptsOrderWhoseKommunCodeIsTheQueues() {
        assertThat(rule.check(OrderBuilder.valid().withKommunCode(PARTY_KOMMUN).build(), contextOnQueue(PARTY_KOMMUN)))
                .isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {NON_PARTY_KOMMUN, UNREGISTERED_KOMMUN, "148"})
    void rejectsOrderClaimingAnotherMunicipalityThanItsQueue(String bodyKommunCode) {
        var errors = rule.check(OrderBuilder.valid().withKommunCode(bodyKommunCode).build(),
                contextOnQueue(PARTY_KOMMUN));

        assertThat(errors).extracting(ContractError::code, ContractError::field)
                .containsExactly(Tuple.tuple(ErrorCode.KOMMUN_MISMATCH, "kommunCode"));
        assertThat(errors.get(0).message()).contains("whose queue the message was sent on")
                .doesNotContain(PARTY_KOMMUN, String.valueOf(bodyKommunCode));
    }
}
