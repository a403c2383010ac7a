package se.hjalpmedelsnav.hub.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Swedish calendar of working days, against the almanac for 2026 and 2027. */
class SwedishWorkingDaysTest {

    @Test
    void knowsEveryDayOff2026() {
        assertThat(SwedishWorkingDays.holidays(2026)).containsExactly(days(
                "2026-01-01", "2026-01-06", "2026-04-03", "2026-04-05", "2026-04-06", "2026-05-01", "2026-05-14",
                "2026-05-24", "2026-06-06", "2026-06-19", "2026-06-20", "2026-10-31", "2026-12-24", "2026-12-25",
                "2026-12-26", "2026-12-31"));
    }

    @Test
    void knowsEveryDayOff2027() {
        // Midsummer falls late (20 June is a Sunday) and All Saints' Day in November (31 October is a Sunday).
        assertThat(SwedishWorkingDays.holidays(2027)).containsExactly(days(
                "2027-01-01", "2027-01-06", "2027-03-26", "2027-03-28", "2027-03-29", "2027-05-01", "2027-05-06",
                "2027-05-16", "2027-06-06", "2027-06-25", "2027-06-26", "2027-11-06", "2027-12-24", "2027-12-25",
                "2027-12-26", "2027-12-31"));
    }

    @ParameterizedTest(name = "{0} is a working day: {1}")
    @CsvSource({
            "2026-12-07, true",   // a Monday
            "2026-12-05, false",  // a Saturday
            "2026-12-06, false",  // a Sunday
            "2026-04-03, false",  // Good Friday
            "2026-04-06, false",  // Easter Monday
            "2026-04-07, true",
            "2026-05-14, false",  // Ascension Day, a Thursday
            "2026-05-15, true",   // the Friday after: a 'klämdag', still a working day
            "2026-06-19, false",  // Midsummer Eve
            "2026-06-05, true",
            "2027-06-25, false",  // Midsummer Eve 2027
            "2027-06-18, true",
            "2027-01-06, false",  // Epiphany, a Wednesday
            "2027-12-31, false"   // New Year's Eve, a Friday
    })
    void tellsWorkingDaysFromDaysOff(LocalDate day, boolean working) {
        assertThat(SwedishWorkingDays.isWorkingDay(day)).isEqualTo(working);
    }

    @ParameterizedTest(name = "{1} working day(s) after {0}: {2}")
    @CsvSource({
            "2026-12-07, 1, 2026-12-08",   // Monday -> Tuesday
            "2026-12-04, 1, 2026-12-07",   // Friday -> Monday
            "2026-12-05, 1, 2026-12-07",   // Saturday -> Monday
            "2026-12-22, 3, 2026-12-29",   // over Christmas: 23, then 28 and 29
            "2026-04-01, 1, 2026-04-02",
            "2026-04-02, 1, 2026-04-07",   // Maundy Thursday -> over Easter to Tuesday
            "2026-06-18, 1, 2026-06-22",   // over Midsummer
            "2026-12-07, 10, 2026-12-21",
            "2027-03-25, 7, 2027-04-07"    // over Easter 2027
    })
    void countsWorkingDaysForward(LocalDate from, int n, LocalDate expected) {
        assertThat(SwedishWorkingDays.nthWorkingDayAfter(from, n)).isEqualTo(expected);
    }

    private static LocalDate[] days(String... days) {
        return List.of(days).stream().map(LocalDate::parse).toArray(LocalDate[]::new);
    }
}
