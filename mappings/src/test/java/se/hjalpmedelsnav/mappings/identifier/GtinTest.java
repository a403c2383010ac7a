package se.hjalpmedelsnav.mappings.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class GtinTest {

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource({
            "96385074,       GTIN-8",
            "036000291452,   GTIN-12",
            "4006381333931,  GTIN-13",
            "7350012345679,  GTIN-13",
            "10614141000415, GTIN-14",
            "07350012345679, GTIN-14 of a GTIN-13 padded with zero",
            "00000000,       all zeros",
    })
    void acceptsGtinsWithTheirGs1CheckDigit(String digits, String kind) {
        assertThat(Gtin.isValid(digits)).isTrue();
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource({
            "96385075,        wrong check digit of a GTIN-8",
            "036000291453,    wrong check digit of a GTIN-12",
            "4006381333932,   wrong check digit of a GTIN-13",
            "10614141000416,  wrong check digit of a GTIN-14",
            "4006381333913,   two digits swapped",
            "9638507,         7 digits",
            "400638133393,    12 digits that are a GTIN-13 without its check digit but fail as a GTIN-12",
            "0400638133393,   a GTIN-12 shifted by a leading zero",
            "1234567890,      10 digits",
            "96385074963850,  wrong check digit with 14 digits",
            "106141410004150, 15 digits",
            "4006381A33931,   a letter",
            "'400638 333931', a space",
    })
    void rejectsWrongCheckDigitsLengthsAndCharacters(String digits, String why) {
        assertThat(Gtin.isValid(digits)).as(why).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsAbsentValues(String digits) {
        assertThat(Gtin.isValid(digits)).isFalse();
    }
}
