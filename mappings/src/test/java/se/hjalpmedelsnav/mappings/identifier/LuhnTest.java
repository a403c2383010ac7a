package se.hjalpmedelsnav.mappings.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LuhnTest {

    @ParameterizedTest
    @ValueSource(strings = {"1212121212", "5566778899", "18", "00", "79927398713", "4111111111111111"})
    void acceptsDigitsEndingInTheirCheckDigit(String digits) {
        assertThat(Luhn.isValid(digits)).isTrue();
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource({
            "1212121213,   wrong check digit",
            "1212121211,   wrong check digit",
            "2112121212,   two digits swapped",
            "79927398710,  wrong check digit",
            "0,            a single digit has no check digit",
            "121212-1212,  a hyphen",
            "12121212x2,   a letter",
    })
    void rejectsWrongCheckDigitsAndNonDigits(String digits, String why) {
        assertThat(Luhn.isValid(digits)).as(why).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsAbsentValues(String digits) {
        assertThat(Luhn.isValid(digits)).isFalse();
    }
}
