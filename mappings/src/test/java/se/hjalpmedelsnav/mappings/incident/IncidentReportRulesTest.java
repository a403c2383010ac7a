package se.hjalpmedelsnav.mappings.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.NON_PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.UNREGISTERED_KOMMUN;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.TestRegistry;
import se.hjalpmedelsnav.mappings.registry.Registry;
import se.hjalpmedelsnav.mappings.ruletable.MessageRules;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

class IncidentReportRulesTest {

    private static final String PERSONAL_IDENTITY_NUMBER = "19121212-1212";

    private final Registry registry = TestRegistry.standardRegistry();
    private final MessageRules rules = MessageRules.handbook();

    @Test
    void acceptsAValidIncidentReport() {
        var message = IncidentReportBuilder.valid().build();

        assertThat(rules.check(message, RuleContext.of(message, PARTY_KOMMUN, registry))).isEmpty();
    }

    @Test
    void reportsEveryBrokenRuleOfAnIncidentReportAtOnceInRuleOrder() {
        var message = IncidentReportBuilder.valid()
                .withKommunCode(NON_PARTY_KOMMUN)
                .withUdiDi("07350012345678")
                .withEventDate(LocalDate.of(2026, 3, 3))
                .withDescription("Brukaren " + PERSONAL_IDENTITY_NUMBER + " föll.")
                .withActionsTaken("Anhöriga till 121212-1212 kontaktades.")
                .build();

        var errors = rules.check(message, RuleContext.of(message, PARTY_KOMMUN, registry));

        assertThat(errors).extracting(ContractError::code, ContractError::field).containsExactly(
                tuple(ErrorCode.KOMMUN_MISMATCH, "kommunCode"),
                tuple(ErrorCode.UDI_INVALID, "device.udiDi"),
                tuple(ErrorCode.SCHEMA_INVALID, "eventDate"),
                tuple(ErrorCode.SCHEMA_INVALID, "description"),
                tuple(ErrorCode.SCHEMA_INVALID, "actionsTaken"));
    }

    @ParameterizedTest
    @ValueSource(strings = {NON_PARTY_KOMMUN, UNREGISTERED_KOMMUN})
    void rejectsAReportFromAMunicipalityThatIsNotAParty(String kommunCode) {
        var message = IncidentReportBuilder.valid().withKommunCode(kommunCode).build();

        assertThat(rules.check(message, RuleContext.of(message, kommunCode, registry)))
                .extracting(ContractError::code, ContractError::field)
                .containsExactly(tuple(ErrorCode.KOMMUN_NOT_PARTY, "kommunCode"));
    }

    @Test
    void neverPutsPersonalDataInAnErrorMessage() {
        var message = IncidentReportBuilder.valid()
                .withDescription("Tolvan Tolvansson " + PERSONAL_IDENTITY_NUMBER + " föll.")
                .withActionsTaken(PERSONAL_IDENTITY_NUMBER)
                .withUdiDi("12345")
                .build();

        var errors = rules.check(message, RuleContext.of(message, PARTY_KOMMUN, registry));

        assertThat(errors).hasSize(3).extracting(ContractError::message).allSatisfy(text -> assertThat(text)
                .doesNotContain("121212", "Tolvan", "12345", IncidentReportBuilder.REPORTER_NAME,
                        IncidentReportBuilder.REPORTER_PHONE, IncidentReportBuilder.REPORTER_EMAIL));
    }
}
