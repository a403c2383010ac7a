package se.hjalpmedelsnav.mappings.order;

import static org.assertj.core.api.Assertions.assertThat;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.ARTICLE_NOT_IN_ASSORTMENT;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.COGNITION_ARTICLE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CONTRACTOR_WITH_EXPIRED_AGREEMENT;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.NON_PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PAYER_OF_NON_PARTY;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.SPEECH_THERAPIST;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.registry.Registry;
import se.hjalpmedelsnav.mappings.ruletable.MessageRules;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

class OrderRulesTest {

    private final Registry registry = TestRegistry.standardRegistry();
    private final MessageRules rules = MessageRules.handbook();

    @Test
    void acceptsAValidOrder() {
        var order = OrderBuilder.valid().build();

        assertThat(rules.check(order, RuleContext.of(order, PARTY_KOMMUN, registry))).isEmpty();
    }

    @Test
    void reportsEveryBrokenRuleOfAnOrderAtOnceInRuleOrder() {
        var order = OrderBuilder.valid()
                .withKommunCode(NON_PARTY_KOMMUN)
                .withPayerNumber(PAYER_OF_NON_PARTY)
                .withPrivateContractor(CONTRACTOR_WITH_EXPIRED_AGREEMENT)
                .withRole(SPEECH_THERAPIST)
                .withArticles(ARTICLE_NOT_IN_ASSORTMENT, COGNITION_ARTICLE)
                .withPersonalIdentityNumber("19121212-1213")
                .withRiskAnalysisDone(false)
                .withConsentObtained(null)
                .withProtection(IdentityProtection.SKYDDAD_FOLKBOKFORING)
                .withDeliveryTo(DeliveryTarget.RECIPIENT)
                .build();

        var errors = rules.check(order, RuleContext.of(order, PARTY_KOMMUN, registry));

        assertThat(errors).extracting(ContractError::code, ContractError::field).containsExactly(
                Tuple.tuple(ErrorCode.KOMMUN_MISMATCH, "kommunCode"),
                Tuple.tuple(ErrorCode.PAYER_NUMBER_INVALID, "payerNumber"),
                Tuple.tuple(ErrorCode.PRIVATE_CONTRACTOR_NO_AGREEMENT, "orderer.privateContractorOrgNumber"),
                Tuple.tuple(ErrorCode.ARTICLE_NOT_ORDERABLE, "lines[0].articleNumber"),
                Tuple.tuple(ErrorCode.ORDERER_NOT_AUTHORISED, "lines[1].articleNumber"),
                Tuple.tuple(ErrorCode.PERSONAL_ID_INVALID, "recipient.personalIdentityNumber"),
                Tuple.tuple(ErrorCode.RISK_ANALYSIS_MISSING, "riskAnalysisDone"),
                Tuple.tuple(ErrorCode.CONSENT_MISSING, "consentObtained"),
                Tuple.tuple(ErrorCode.DELIVERY_NOT_ALLOWED, "delivery.target"));
    }

    @Test
    void rejectsEverythingOnTheNumbersOfAMunicipalityThatIsNotAParty() {
        var order = OrderBuilder.valid().withKommunCode(NON_PARTY_KOMMUN)
                .withCustomerNumber(TestRegistry.CUSTOMER_OF_NON_PARTY).withPayerNumber(PAYER_OF_NON_PARTY).build();

        assertThat(rules.check(order, RuleContext.of(order, NON_PARTY_KOMMUN, registry)))
                .extracting(ContractError::code).containsExactly(ErrorCode.KOMMUN_NOT_PARTY);
    }

    @Test
    void neverPutsPersonalDataInAnErrorMessage() {
        var order = OrderBuilder.valid()
                .withPersonalIdentityNumber("19121212-1213")
                .withPrivateContractor("191212-1212")
                .withProtection(IdentityProtection.SEKRETESSMARKERING)
                .withDeliveryTo(DeliveryTarget.RECIPIENT)
                .withArticles(ARTICLE_NOT_IN_ASSORTMENT)
                .build();

        var errors = rules.check(order, RuleContext.of(order, PARTY_KOMMUN, registry));

        assertThat(errors).isNotEmpty().extracting(ContractError::message).allSatisfy(message -> assertThat(message)
                .doesNotContain("121212", OrderBuilder.RECIPIENT_NAME, OrderBuilder.ORDERER_NAME, OrderBuilder.PHONE,
                        OrderBuilder.HOME.street(), "SEKRETESSMARKERING"));
    }
}
