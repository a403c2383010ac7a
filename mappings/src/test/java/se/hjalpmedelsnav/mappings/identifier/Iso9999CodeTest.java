package se.hjalpmedelsnav.mappings.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Iso9999CodeTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "12         | 12",
            "1222       | 12 22",
            "12 22      | 12 22",
            "122203     | 12 22 03",
            "12 22 03   | 12 22 03",
            "1222 03    | 12 22 03",
            "12 2203    | 12 22 03",
            "'22 30 21 '| 22 30 21",
            "99 99 99   | 99 99 99",
    })
    void acceptsTwoFourOrSixDigitsInPairsAndNormalisesWithSpaces(String value, String normalised) {
        assertThat(Iso9999Code.isValid(value)).isTrue();
        assertThat(Iso9999Code.normalise(value)).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"1", "123", "12345", "1234567", "12 22 03 04", "12  22", "1 222", "12-22-03", "12.22.03",
            "ab", "12 2a", " "})
    void rejectsAnythingButPairsOfDigits(String value) {
        assertThat(Iso9999Code.isValid(value)).isFalse();
        assertThatThrownBy(() -> Iso9999Code.normalise(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsAbsentCodes(String value) {
        assertThat(Iso9999Code.isValid(value)).isFalse();
    }
}
