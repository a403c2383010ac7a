package se.hjalpmedelsnav.mappings.order.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.contextOnQueue;

import java.time.LocalDate;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.OrderBuilder;
import se.hjalpmedelsnav.mappings.order.TestRegistry;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

class RecipientIdentityTest {

    private final RecipientIdentity rule = new RecipientIdentity();

    @ParameterizedTest
    @ValueSource(strings = {"191212121212", "19121212-1212", "121212-1212", "121212+1212", "19121272-1219"})
    void acceptsValidPersonnummerAndSamordningsnummer(String number) {
        var order = OrderBuilder.valid().withPersonalIdentityNumber(number).build();

        assertThat(rule.check(order, contextOnQueue(PARTY_KOMMUN))).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "19121212-1213, wrong check digit",
            "19230229-1238, date that does not exist",
            "19121292-1215, samordningsnummer of a day that does not exist",
            "20260303-1234, born after the order date",
            "1212121212,    short form without separator",
            "'',            empty",
    })
    void rejectsInvalidNumberWithoutQuotingIt(String number, String why) {
        var order = OrderBuilder.valid().withPersonalIdentityNumber(number).build();

        var errors = rule.check(order, contextOnQueue(PARTY_KOMMUN));

        assertThat(errors).as(why).extracting(ContractError::code, ContractError::field)
                .containsExactly(Tuple.tuple(ErrorCode.PERSONAL_ID_INVALID, "recipient.personalIdentityNumber"));
        if (!number.isEmpty()) {
            assertThat(errors.get(0).message()).doesNotContain(number, number.substring(2, 8));
        }
    }

    @Test
    void judgesTheBirthDateAgainstTheOrderDate() {
        var order = OrderBuilder.valid().withPersonalIdentityNumber("20260303-1234").build();
        var registry = TestRegistry.standardRegistry();

        assertThat(rule.check(order, new RuleContext(PARTY_KOMMUN, registry, LocalDate.of(2026, 3, 3)))).isEmpty();
        assertThat(rule.check(order, new RuleContext(PARTY_KOMMUN, registry, LocalDate.of(2026, 3, 2))))
                .extracting(ContractError::code).containsExactly(ErrorCode.PERSONAL_ID_INVALID);
    }
}
