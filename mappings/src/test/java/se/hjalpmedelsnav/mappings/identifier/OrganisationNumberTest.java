package se.hjalpmedelsnav.mappings.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

/** Fictional organisation numbers with computed check digits. */
class OrganisationNumberTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "5566778899,  5566778899",
            "556677-8899, 5566778899",
            "212000-0142, 2120000142",
            "802000-0009, 8020000009",
            "9160023454,  9160023454",
    })
    void acceptsTenLuhnCheckedDigitsWithOrWithoutHyphenAndNormalisesToDigits(String value, String digits) {
        assertThat(OrganisationNumber.isValid(value)).isTrue();
        assertThat(OrganisationNumber.normalise(value)).isEqualTo(digits);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource({
            "5566778898,    wrong check digit",
            "556677-8898,   wrong check digit",
            "55667788-99,   hyphen in the wrong place",
            "556677889,     9 digits",
            "165566778899,  12 digits",
            "556677+8899,   plus sign",
            "'556677 8899', space",
            "55667788A9,    a letter",
    })
    void rejectsWrongCheckDigitsAndForms(String value, String why) {
        assertThat(OrganisationNumber.isValid(value)).as(why).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsAbsentValues(String value) {
        assertThat(OrganisationNumber.isValid(value)).isFalse();
    }
}
