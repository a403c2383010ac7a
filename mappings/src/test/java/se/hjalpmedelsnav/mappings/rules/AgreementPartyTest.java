package se.hjalpmedelsnav.mappings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.NON_PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.UNREGISTERED_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.contextOnQueue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.OrderBuilder;

class AgreementPartyTest {

    private final AgreementParty rule = new AgreementParty();

    @Test
    void acceptsOrderFromAnAgreementParty() {
        assertThat(rule.check(OrderBuilder.valid().build(), contextOnQueue(PARTY_KOMMUN))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {NON_PARTY_KOMMUN, UNREGISTERED_KOMMUN})
    void rejectsOrderFromAMunicipalityThatIsNotAParty(String queueKommunCode) {
        var errors = rule.check(OrderBuilder.valid().withKommunCode(queueKommunCode).build(),
                contextOnQueue(queueKommunCode));

        assertThat(errors).extracting(ContractError::code).containsExactly(ErrorCode.KOMMUN_NOT_PARTY);
        assertThat(errors.get(0).message()).contains("municipality of this queue").doesNotContain(queueKommunCode);
    }

    @Test
    void judgesTheQueuesMunicipalityNotTheOneTheBodyClaims() {
        var claimsParty = OrderBuilder.valid().withKommunCode(PARTY_KOMMUN).build();
        var claimsNonParty = OrderBuilder.valid().withKommunCode(NON_PARTY_KOMMUN).build();

        assertThat(rule.check(claimsParty, contextOnQueue(NON_PARTY_KOMMUN)))
                .extracting(ContractError::code).containsExactly(ErrorCode.KOMMUN_NOT_PARTY);
        assertThat(rule.check(claimsNonParty, contextOnQueue(PARTY_KOMMUN))).isEmpty();
    }
}
