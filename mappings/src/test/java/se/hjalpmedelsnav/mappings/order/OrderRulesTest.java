package se.hjalpmedelsnav.mappings.order;

import static org.assertj.core.api.Assertions.assertThat;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.ARTICLE_NOT_IN_ASSORTMENT;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.COGNITION_ARTICLE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CONTRACTOR_WITH_EXPIRED_AGREEMENT;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.NON_PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PAYER_OF_NON_PARTY;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.SPEECH_THERAPIST;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.registry.Registry;

class OrderRulesTest {

    private final Registry registry = TestRegistry.standardRegistry();
    private final OrderRules rules = new OrderRules();

    @Test
    void acceptsAValidOrder() {
        var order = OrderBuilder.valid().build();

        assertThat(rules.check(order, OrderRules.contextFor(order, PARTY_KOMMUN, registry))).isEmpty();
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

        var errors = rules.check(order, OrderRules.contextFor(order, PARTY_KOMMUN, registry));

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

        assertThat(rules.check(order, OrderRules.contextFor(order, NON_PARTY_KOMMUN, registry)))
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

        var errors = rules.check(order, OrderRules.contextFor(order, PARTY_KOMMUN, registry));

        assertThat(errors).isNotEmpty().extracting(ContractError::message).allSatisfy(message -> assertThat(message)
                .doesNotContain("121212", OrderBuilder.RECIPIENT_NAME, OrderBuilder.ORDERER_NAME, OrderBuilder.PHONE,
                        OrderBuilder.HOME.street(), "SEKRETESSMARKERING"));
    }

    @Test
    void runsEveryRuleGivenAndKeepsTheirOrder() {
        OrderRule first = (order, context) -> List.of(
                ContractError.of(ErrorCode.CONSENT_MISSING, "first", "First rule."));
        OrderRule passing = (order, context) -> List.of();
        OrderRule last = (order, context) -> List.of(
                ContractError.of(ErrorCode.KOMMUN_MISMATCH, "second", "Last rule."),
                ContractError.of(ErrorCode.KOMMUN_MISMATCH, "third", "Last rule again."));
        var order = OrderBuilder.valid().build();

        var errors = new OrderRules(List.of(first, passing, last))
                .check(order, OrderRules.contextFor(order, PARTY_KOMMUN, registry));

        assertThat(errors).extracting(ContractError::field).containsExactly("first", "second", "third");
    }

    @ParameterizedTest(name = "sent {0} is placed on {1}")
    @CsvSource({
            "2026-03-02T09:15:00+01:00, 2026-03-02",
            "2026-03-01T23:30:00Z,      2026-03-02",
            "2026-03-02T22:59:59Z,      2026-03-02",
            "2026-03-02T23:00:00Z,      2026-03-03",
            "2026-06-30T22:30:00Z,      2026-07-01",
            "2026-06-30T21:59:00Z,      2026-06-30",
            "2026-03-01T18:30:00-05:00, 2026-03-02",
    })
    void datesTheOrderBySentAtInSwedishTime(OffsetDateTime sentAt, LocalDate orderDate) {
        var order = OrderBuilder.valid().withSentAt(sentAt).build();

        var context = OrderRules.contextFor(order, PARTY_KOMMUN, registry);

        assertThat(context.orderDate()).isEqualTo(orderDate);
        assertThat(context.queueKommunCode()).isEqualTo(PARTY_KOMMUN);
        assertThat(context.registry()).isSameAs(registry);
    }
}
