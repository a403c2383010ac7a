package se.hjalpmedelsnav.mappings.order.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.contextOnQueue;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.OrderBuilder;

/** {@link RiskAnalysisAttested} and {@link ConsentAttested}: only an explicit true attests. */
class AttestationRulesTest {

    @Test
    void acceptsOrderAttestingRiskAnalysisAndConsent() {
        var order = OrderBuilder.valid().withRiskAnalysisDone(true).withConsentObtained(true).build();

        assertThat(new RiskAnalysisAttested().check(order, contextOnQueue(PARTY_KOMMUN))).isEmpty();
        assertThat(new ConsentAttested().check(order, contextOnQueue(PARTY_KOMMUN))).isEmpty();
    }

    @ParameterizedTest(name = "riskAnalysisDone {0}")
    @NullSource
    @ValueSource(booleans = false)
    void rejectsOrderWithoutRiskAnalysis(Boolean riskAnalysisDone) {
        var order = OrderBuilder.valid().withRiskAnalysisDone(riskAnalysisDone).build();

        assertThat(new RiskAnalysisAttested().check(order, contextOnQueue(PARTY_KOMMUN)))
                .extracting(ContractError::code, ContractError::field)
                .containsExactly(Tuple.tuple(ErrorCode.RISK_ANALYSIS_MISSING, "riskAnalysisDone"));
        assertThat(new ConsentAttested().check(order, contextOnQueue(PARTY_KOMMUN))).isEmpty();
    }

    @ParameterizedTest(name = "consentObtained {0}")
    @NullSource
    @ValueSource(booleans = false)
    void rejectsOrderWithoutConsent(Boolean consentObtained) {
        var order = OrderBuilder.valid().withConsentObtained(consentObtained).build();

        assertThat(new ConsentAttested().check(order, contextOnQueue(PARTY_KOMMUN)))
                .extracting(ContractError::code, ContractError::field)
                .containsExactly(Tuple.tuple(ErrorCode.CONSENT_MISSING, "consentObtained"));
        assertThat(new RiskAnalysisAttested().check(order, contextOnQueue(PARTY_KOMMUN))).isEmpty();
    }
}
