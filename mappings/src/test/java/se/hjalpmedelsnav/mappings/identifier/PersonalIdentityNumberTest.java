package se.hjalpmedelsnav.mappings.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** All numbers are fictional test numbers; the check digits were computed for the cases that need them. */
class PersonalIdentityNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @ParameterizedTest(name = "{0} -> {1}, samordningsnummer {2}")
    @CsvSource({
            "191212121212,   191212121212, false",
            "19121212-1212,  191212121212, false",
            "121212-1212,    201212121212, false",
            "121212+1212,    191212121212, false",
            "460101-1234,    194601011234, false",
            // with '-' the person is under 100: a birthday later this year means the previous century
            "261231-1239,    192612311239, false",
            "261231+1239,    182612311239, false",
            "260302-1235,    202603021235, false",
            "191212721219,   191212721219, true",
            "121272-1219,    201212721219, true",
            "191212611212,   191212611212, true",
            "20000229-1235,  200002291235, false",
            "000229-1235,    200002291235, false",
            "040229+1231,    190402291231, false",
            "200002891232,   200002891232, true",
            "000289-1232,    200002891232, true",
    })
    void acceptsValidNumbersInEveryFormAndNormalisesThemWithCentury(String value, String normalised,
            boolean coordinationNumber) {
        assertThat(PersonalIdentityNumber.parse(value, TODAY))
                .hasValueSatisfying(number -> {
                    assertThat(number.number()).isEqualTo(normalised);
                    assertThat(number.coordinationNumber()).isEqualTo(coordinationNumber);
                });
        assertThat(PersonalIdentityNumber.isValid(value, TODAY)).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "191212121213,   wrong check digit",
            "19121212-1213,  wrong check digit",
            "121212-1213,    wrong check digit",
            "191212721218,   wrong check digit of a samordningsnummer",
            "19230229-1238,  no 29 February in 1923",
            "230229-1238,    no 29 February in 1923",
            "230229+1238,    no 29 February in 1823",
            "000229+1235,    no 29 February in 1900",
            "260229-1235,    no 29 February in 2026 or 1926",
            "191213121211,   month 13",
            "191212001216,   day 00",
            "191212321218,   day 32",
            "191212601213,   samordningsnummer day 60 is day 0",
            "191212921215,   samordningsnummer day 92 is day 32",
            "20260303-1234,  born after today",
            "202612311235,   born after today",
            "1212121212,     short form without separator has no century",
            "19121212+1212,  plus sign with the century given",
            "191212-121212,  separator in the wrong place",
            "19121212 1212,  space is not a separator",
            "1912121212120,  13 digits",
            "abcdefghijkl,   not digits",
    })
    void rejectsInvalidNumbers(String value, String why) {
        assertThat(PersonalIdentityNumber.parse(value, TODAY)).as(why).isEmpty();
        assertThat(PersonalIdentityNumber.isValid(value, TODAY)).as(why).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsAbsentNumbers(String value) {
        assertThat(PersonalIdentityNumber.isValid(value, TODAY)).isFalse();
    }

    @Test
    void aPersonBornTodayIsValidAndOneBornTomorrowIsNot() {
        assertThat(PersonalIdentityNumber.isValid("20260302-1235", TODAY)).isTrue();
        assertThat(PersonalIdentityNumber.isValid("20260302-1235", TODAY.minusDays(1))).isFalse();
    }

    @Test
    void theShortFormsCenturyDependsOnToday() {
        // Turning 100 on 31 December 2026: under 100 before, so '-' means 1926 then, and 2026 after.
        assertThat(PersonalIdentityNumber.parse("261231-1239", LocalDate.of(2026, 12, 30)))
                .map(PersonalIdentityNumber::number).hasValue("192612311239");
        assertThat(PersonalIdentityNumber.parse("261231-1239", LocalDate.of(2026, 12, 31)))
                .map(PersonalIdentityNumber::number).hasValue("202612311239");
    }

    @Test
    void givesTheBirthDateLessSixtyDaysForASamordningsnummer() {
        assertThat(PersonalIdentityNumber.parse("121272-1219", TODAY))
                .map(PersonalIdentityNumber::birthDate).hasValue(LocalDate.of(2012, 12, 12));
        assertThat(PersonalIdentityNumber.parse("000229-1235", TODAY))
                .map(PersonalIdentityNumber::birthDate).hasValue(LocalDate.of(2000, 2, 29));
    }

    @Test
    void toStringNeverRevealsTheNumber() {
        PersonalIdentityNumber number = PersonalIdentityNumber.parse("19121212-1212", TODAY).orElseThrow();

        assertThat(number.toString()).isEqualTo("PersonalIdentityNumber[redacted]").doesNotContain("1212");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1912121212", "19121212-1212", "19121212121x"})
    void holdsOnlyTwelveDigitsAndDoesNotQuoteAnythingElseWhenRefusing(String value) {
        assertThatThrownBy(() -> new PersonalIdentityNumber(value, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("1212");
    }
}
