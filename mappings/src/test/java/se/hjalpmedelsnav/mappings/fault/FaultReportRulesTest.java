package se.hjalpmedelsnav.mappings.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.ARTICLE_NOT_IN_ASSORTMENT;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.COMMUNICATION_ARTICLE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CONTRACTOR_WITH_EXPIRED_AGREEMENT;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_OF_NON_PARTY;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.MEDICAL_DEVICE_ARTICLE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.NON_PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PAYER_OF_NON_PARTY;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.UNREGISTERED_KOMMUN;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.hjalpmedelsnav.mappings.fault.rules.IncidentReportDue;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.OrderBuilder;
import se.hjalpmedelsnav.mappings.order.TestRegistry;
import se.hjalpmedelsnav.mappings.registry.Registry;
import se.hjalpmedelsnav.mappings.ruletable.MessageRules;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

class FaultReportRulesTest {

    private final Registry registry = TestRegistry.standardRegistry();
    private final MessageRules rules = MessageRules.handbook();

    @Test
    void acceptsAValidFaultReport() {
        var message = FaultReportBuilder.valid().build();

        assertThat(rules.check(message, RuleContext.of(message, PARTY_KOMMUN, registry))).isEmpty();
    }

    @Test
    void reportsEveryBrokenRuleOfAFaultReportAtOnceInRuleOrder() {
        var message = FaultReportBuilder.valid()
                .withKommunCode(NON_PARTY_KOMMUN)
                .withPayerNumber(PAYER_OF_NON_PARTY)
                .withPrivateContractor(CONTRACTOR_WITH_EXPIRED_AGREEMENT)
                .withArticle(ARTICLE_NOT_IN_ASSORTMENT)
                .build();

        var errors = rules.check(message, RuleContext.of(message, PARTY_KOMMUN, registry));

        assertThat(errors).extracting(ContractError::code, ContractError::field).containsExactly(
                tuple(ErrorCode.KOMMUN_MISMATCH, "kommunCode"),
                tuple(ErrorCode.PAYER_NUMBER_INVALID, "payerNumber"),
                tuple(ErrorCode.PRIVATE_CONTRACTOR_NO_AGREEMENT, "orderer.privateContractorOrgNumber"),
                tuple(ErrorCode.ARTICLE_NOT_ORDERABLE, "articleNumber"));
    }

    @Test
    void rejectsAFaultReportOnAnotherMunicipalitysCustomerNumber() {
        var message = FaultReportBuilder.valid().withCustomerNumber(CUSTOMER_OF_NON_PARTY).build();

        assertThat(rules.check(message, RuleContext.of(message, PARTY_KOMMUN, registry)))
                .extracting(ContractError::code, ContractError::field)
                .containsExactly(tuple(ErrorCode.CUSTOMER_NUMBER_UNKNOWN, "customerNumber"));
    }

    @Test
    void rejectsAFaultReportFromAMunicipalityNotInTheRegistry() {
        var message = FaultReportBuilder.valid().withKommunCode(UNREGISTERED_KOMMUN).build();

        assertThat(rules.check(message, RuleContext.of(message, UNREGISTERED_KOMMUN, registry)))
                .extracting(ContractError::code)
                .startsWith(ErrorCode.KOMMUN_NOT_PARTY).contains(ErrorCode.CUSTOMER_NUMBER_UNKNOWN);
    }

    @Test
    void neverPutsPersonalDataInAnErrorMessage() {
        var message = FaultReportBuilder.valid().withPrivateContractor("191212-1212")
                .withArticle(ARTICLE_NOT_IN_ASSORTMENT).build();

        var errors = rules.check(message, RuleContext.of(message, PARTY_KOMMUN, registry));

        assertThat(errors).hasSize(2).extracting(ContractError::message).allSatisfy(text -> assertThat(text)
                .doesNotContain("121212", OrderBuilder.RECIPIENT_NAME, OrderBuilder.ORDERER_NAME,
                        OrderBuilder.PHONE, OrderBuilder.HOME.street(), FaultReportBuilder.DESCRIPTION));
    }

    @ParameterizedTest(name = "injury or risk {0} on {1}: due {2}")
    @CsvSource({
            "true,  " + MEDICAL_DEVICE_ARTICLE + ",     true",
            "false, " + MEDICAL_DEVICE_ARTICLE + ",     false",
            ",      " + MEDICAL_DEVICE_ARTICLE + ",     false",
            "true,  " + COMMUNICATION_ARTICLE + ",      false",
            "true,  " + ARTICLE_NOT_IN_ASSORTMENT + ",  false",
    })
    void remindsOfAnIncidentReportOnlyForInjuryOrRiskWithAMedicalDevice(Boolean injuryOrRisk, String article,
            boolean due) {
        var message = FaultReportBuilder.valid().withInjuryOrRisk(injuryOrRisk).withArticle(article).build();

        assertThat(rules.notices(message, RuleContext.of(message, PARTY_KOMMUN, registry)))
                .isEqualTo(due ? List.of(IncidentReportDue.INCIDENT_REPORT_DUE) : List.of());
    }
}
