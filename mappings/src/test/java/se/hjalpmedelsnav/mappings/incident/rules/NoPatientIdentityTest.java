package se.hjalpmedelsnav.mappings.incident.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.contextOnQueue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.hjalpmedelsnav.mappings.incident.IncidentReportBuilder;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;

/** Personal identity numbers here are the Tax Agency's fictional 1912-12-12 and a computed samordningsnummer. */
class NoPatientIdentityTest {

    private final NoPatientIdentity rule = new NoPatientIdentity();

    @ParameterizedTest
    @ValueSource(strings = {
            "Brukaren 19121212-1212 föll.",
            "Brukaren 191212121212 föll.",
            "Brukaren (121212-1212) föll.",
            "Brukaren 121212+1212 föll.",
            "Brukaren 1212121212 föll.",
            "Brukaren 121212 1212 föll.",
            "Samordningsnummer 19121272-1219 angavs.",
            "pnr:19121212-1212",
    })
    void refusesADescriptionHoldingAPersonalIdentityNumberWithoutRepeatingIt(String description) {
        var errors = rule.check(IncidentReportBuilder.valid().withDescription(description).build(),
                contextOnQueue(PARTY_KOMMUN));

        assertThat(errors).extracting(ContractError::code, ContractError::field)
                .containsExactly(tuple(ErrorCode.SCHEMA_INVALID, "description"));
        assertThat(errors.get(0).message()).contains("patient's identity must not be sent")
                .doesNotContain("1212", "1219");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Åtgärd för 19121212-1212: bytt apparat.", "Ringde 121212-1212."})
    void refusesActionsTakenHoldingAPersonalIdentityNumber(String actionsTaken) {
        var errors = rule.check(IncidentReportBuilder.valid().withActionsTaken(actionsTaken).build(),
                contextOnQueue(PARTY_KOMMUN));

        assertThat(errors).extracting(ContractError::code, ContractError::field)
                .containsExactly(tuple(ErrorCode.SCHEMA_INVALID, "actionsTaken"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Laddaren blev varm.",
            "Lot 20251117-0001, serienummer 2511170002.",
            "Kontrollsiffran fel: 19121212-1213.",
            "Ring 031-123 45 67 eller 070-123 45 67.",
            "UDI-DI 07350012345679 enligt etiketten.",
            "Född 1912, 84 år, händelsen 2026-03-01 kl 10.30.",
            "Artikel 100101 och 100102, 2 st.",
            "Nummer 191212121212121 är ett lotnummer.",
    })
    void acceptsTextWithoutAPersonalIdentityNumber(String text) {
        var errors = rule.check(IncidentReportBuilder.valid().withDescription(text).withActionsTaken(text).build(),
                contextOnQueue(PARTY_KOMMUN));

        assertThat(errors).isEmpty();
    }
}
