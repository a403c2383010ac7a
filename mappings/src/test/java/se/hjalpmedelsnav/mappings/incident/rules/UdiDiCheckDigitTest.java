package se.hjalpmedelsnav.mappings.incident.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.contextOnQueue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.hjalpmedelsnav.mappings.incident.IncidentReportBuilder;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;

class UdiDiCheckDigitTest {

    private final UdiDiCheckDigit rule = new UdiDiCheckDigit();

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
            "96385074",          // GTIN-8
            "036000291452",      // GTIN-12
            "7350012345679",     // GTIN-13
            "07350012345679",    // GTIN-14
            "+H123ABC01234567",  // HIBCC: not digits, taken as given
            "A99971312345600",   // ICCBBA: not digits, taken as given
    })
    void acceptsAGs1UdiDiWithItsCheckDigitOrOneOfAnotherIssuer(String udiDi) {
        assertThat(rule.check(IncidentReportBuilder.valid().withUdiDi(udiDi).build(),
                contextOnQueue(PARTY_KOMMUN))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"07350012345678", "7350012345670", "96385075", "1234567890", "123", "073500123456790"})
    void rejectsDigitsThatAreNotAGtinWithACorrectCheckDigit(String udiDi) {
        var errors = rule.check(IncidentReportBuilder.valid().withUdiDi(udiDi).build(),
                contextOnQueue(PARTY_KOMMUN));

        assertThat(errors).extracting(ContractError::code, ContractError::field)
                .containsExactly(tuple(ErrorCode.UDI_INVALID, "device.udiDi"));
        assertThat(errors.get(0).message()).contains("check digit").doesNotContain(udiDi);
    }
}
