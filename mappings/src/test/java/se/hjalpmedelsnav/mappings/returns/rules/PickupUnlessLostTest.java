package se.hjalpmedelsnav.mappings.returns.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.contextOnQueue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.returns.ReturnBuilder;
import se.hjalpmedelsnav.mappings.returns.ReturnReason;

class PickupUnlessLostTest {

    private final PickupUnlessLost rule = new PickupUnlessLost();

    @ParameterizedTest(name = "{0}, pickup given: {1}")
    @CsvSource({
            "NEED_ENDED, true,  false",
            "NEED_ENDED, false, true",
            "REPLACED,   false, true",
            "DECEASED,   false, true",
            "FAULTY,     false, true",
            "OTHER,      false, true",
            "LOST,       false, false",
            "LOST,       true,  false",
    })
    void requiresAPickupUnlessTheDeviceIsLost(ReturnReason reason, boolean pickupGiven, boolean refused) {
        var builder = ReturnBuilder.valid().withReason(reason);
        var errors = rule.check((pickupGiven ? builder : builder.withoutPickup()).build(),
                contextOnQueue(PARTY_KOMMUN));

        if (refused) {
            assertThat(errors).extracting(ContractError::code, ContractError::field)
                    .containsExactly(tuple(ErrorCode.SCHEMA_INVALID, "pickup"));
            assertThat(errors.get(0).message()).contains("unless reason is LOST").doesNotContain(reason.name());
        } else {
            assertThat(errors).isEmpty();
        }
    }
}
