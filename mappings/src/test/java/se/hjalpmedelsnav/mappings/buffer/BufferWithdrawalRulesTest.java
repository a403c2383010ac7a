package se.hjalpmedelsnav.mappings.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.ARTICLE_NOT_IN_ASSORTMENT;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.COGNITION_ARTICLE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CONTRACTOR_WITH_EXPIRED_AGREEMENT;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_OF_NON_PARTY;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_WITHOUT_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.NON_PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PAYER_OF_CUSTOMER_WITHOUT_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PAYER_OF_NON_PARTY;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.SPEECH_THERAPIST;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.UNREGISTERED_CONTRACTOR;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.IdentityProtection;
import se.hjalpmedelsnav.mappings.order.TestRegistry;
import se.hjalpmedelsnav.mappings.registry.Registry;
import se.hjalpmedelsnav.mappings.ruletable.MessageRules;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/** The handbook's rules on a BUFFER_WITHDRAWAL, through the rule table the intake asks. */
class BufferWithdrawalRulesTest {

    private final Registry registry = TestRegistry.standardRegistry();
    private final MessageRules rules = MessageRules.handbook();

    @Test
    void acceptsAValidWithdrawal() {
        var withdrawal = BufferWithdrawalBuilder.valid().build();

        assertThat(rules.check(withdrawal, RuleContext.of(withdrawal, PARTY_KOMMUN, registry))).isEmpty();
    }

    @Test
    void acceptsAProtectedUser() {
        // Nothing goes to the user's home: the device was handed out at the store, so protection refuses nothing.
        var withdrawal = BufferWithdrawalBuilder.valid().withProtection(IdentityProtection.SKYDDAD_FOLKBOKFORING).build();

        assertThat(rules.check(withdrawal, RuleContext.of(withdrawal, PARTY_KOMMUN, registry))).isEmpty();
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                broken("another municipality's code in the body", b -> b.withKommunCode(NON_PARTY_KOMMUN),
                        ErrorCode.KOMMUN_MISMATCH, "kommunCode"),
                broken("a customer number of another municipality", b -> b.withCustomerNumber(CUSTOMER_OF_NON_PARTY),
                        ErrorCode.CUSTOMER_NUMBER_UNKNOWN, "customerNumber"),
                broken("a payer number not linked to the customer number", b -> b.withPayerNumber(PAYER_OF_NON_PARTY),
                        ErrorCode.PAYER_NUMBER_INVALID, "payerNumber"),
                broken("an unregistered private contractor", b -> b.withPrivateContractor(UNREGISTERED_CONTRACTOR),
                        ErrorCode.PRIVATE_CONTRACTOR_NO_AGREEMENT, "orderer.privateContractorOrgNumber"),
                broken("a contractor whose agreement has ended",
                        b -> b.withPrivateContractor(CONTRACTOR_WITH_EXPIRED_AGREEMENT),
                        ErrorCode.PRIVATE_CONTRACTOR_NO_AGREEMENT, "orderer.privateContractorOrgNumber"),
                broken("an article not in the assortment", b -> b.withArticle(ARTICLE_NOT_IN_ASSORTMENT),
                        ErrorCode.ARTICLE_NOT_ORDERABLE, "articleNumber"),
                broken("a role the article's product area does not allow",
                        b -> b.withRole(SPEECH_THERAPIST).withArticle(COGNITION_ARTICLE),
                        ErrorCode.ORDERER_NOT_AUTHORISED, "articleNumber"),
                broken("a personnummer with a wrong check digit", b -> b.withPersonalIdentityNumber("19121212-1213"),
                        ErrorCode.PERSONAL_ID_INVALID, "recipient.personalIdentityNumber"),
                broken("no risk analysis", b -> b.withRiskAnalysisDone(false),
                        ErrorCode.RISK_ANALYSIS_MISSING, "riskAnalysisDone"),
                broken("risk analysis not stated", b -> b.withRiskAnalysisDone(null),
                        ErrorCode.RISK_ANALYSIS_MISSING, "riskAnalysisDone"),
                broken("no consent", b -> b.withConsentObtained(null), ErrorCode.CONSENT_MISSING, "consentObtained"),
                broken("a unit without a buffer store", b -> b.withCustomerNumber(CUSTOMER_WITHOUT_BUFFER_STORE)
                                .withPayerNumber(PAYER_OF_CUSTOMER_WITHOUT_BUFFER_STORE),
                        ErrorCode.DELIVERY_NOT_ALLOWED, "customerNumber"));
    }

    private static Arguments broken(String name, UnaryOperator<BufferWithdrawalBuilder> change, ErrorCode code,
            String field) {
        return arguments(Named.of(name, change), code, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void refusesABrokenRuleUnderItsCodeAndFieldOnly(UnaryOperator<BufferWithdrawalBuilder> change, ErrorCode code,
            String field) {
        var withdrawal = change.apply(BufferWithdrawalBuilder.valid()).build();

        var errors = rules.check(withdrawal, RuleContext.of(withdrawal, PARTY_KOMMUN, registry));

        assertThat(errors).extracting(ContractError::code, ContractError::field).containsExactly(Tuple.tuple(code, field));
    }

    @Test
    void reportsEveryBrokenRuleAtOnceInRuleOrderQuotingNothingSent() {
        var withdrawal = BufferWithdrawalBuilder.valid()
                .withKommunCode(NON_PARTY_KOMMUN)
                .withCustomerNumber(CUSTOMER_WITHOUT_BUFFER_STORE)
                .withPayerNumber(PAYER_OF_NON_PARTY)
                .withPrivateContractor(CONTRACTOR_WITH_EXPIRED_AGREEMENT)
                .withRole(SPEECH_THERAPIST)
                .withArticle(COGNITION_ARTICLE)
                .withPersonalIdentityNumber("19121212-1213")
                .withRiskAnalysisDone(false)
                .withConsentObtained(false)
                .build();

        var errors = rules.check(withdrawal, RuleContext.of(withdrawal, PARTY_KOMMUN, registry));

        assertThat(errors).extracting(ContractError::code, ContractError::field).containsExactly(
                Tuple.tuple(ErrorCode.KOMMUN_MISMATCH, "kommunCode"),
                Tuple.tuple(ErrorCode.PAYER_NUMBER_INVALID, "payerNumber"),
                Tuple.tuple(ErrorCode.PRIVATE_CONTRACTOR_NO_AGREEMENT, "orderer.privateContractorOrgNumber"),
                Tuple.tuple(ErrorCode.ORDERER_NOT_AUTHORISED, "articleNumber"),
                Tuple.tuple(ErrorCode.PERSONAL_ID_INVALID, "recipient.personalIdentityNumber"),
                Tuple.tuple(ErrorCode.RISK_ANALYSIS_MISSING, "riskAnalysisDone"),
                Tuple.tuple(ErrorCode.CONSENT_MISSING, "consentObtained"),
                Tuple.tuple(ErrorCode.DELIVERY_NOT_ALLOWED, "customerNumber"));
        for (String sent : new String[] {"19121212-1213", BufferWithdrawalBuilder.DEVICE_ID, COGNITION_ARTICLE,
                CUSTOMER_WITHOUT_BUFFER_STORE, PAYER_OF_NON_PARTY, CONTRACTOR_WITH_EXPIRED_AGREEMENT, SPEECH_THERAPIST,
                "191212121213", "BES-77"}) {
            assertThat(errors).extracting(ContractError::message).as("no error message quotes a value sent")
                    .noneMatch(message -> message.contains(sent));
        }
    }
}
