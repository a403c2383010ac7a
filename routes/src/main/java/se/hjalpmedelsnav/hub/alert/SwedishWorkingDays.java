package se.hjalpmedelsnav.hub.alert;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.TreeSet;

/**
 * Swedish working days: Monday to Friday, except the public holidays of the Act on public holidays (1989:253) and
 * the days treated as holidays in working life (Midsummer Eve, Christmas Eve, New Year's Eve). The Sundays and
 * Saturdays among the holidays (Easter Day, Whitsun, Midsummer Day, All Saints' Day) are weekend days anyway.
 */
public final class SwedishWorkingDays {

    private SwedishWorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays(day.getYear()).contains(day);
    }

    /** The {@code n}th working day after {@code day} (n ≥ 1): the day a deadline of n working days runs out. */
    public static LocalDate nthWorkingDayAfter(LocalDate day, int n) {
        LocalDate at = day;
        int counted = 0;
        while (counted < n) {
            at = at.plusDays(1);
            if (isWorkingDay(at)) {
                counted++;
            }
        }
        return at;
    }

    /** The year's public holidays and holiday eves that are days off, whatever weekday they fall on. */
    public static Set<LocalDate> holidays(int year) {
        Set<LocalDate> days = new TreeSet<>();
        days.add(LocalDate.of(year, Month.JANUARY, 1));   // nyårsdagen
        days.add(LocalDate.of(year, Month.JANUARY, 6));   // trettondedag jul
        LocalDate easter = easterSunday(year);
        days.add(easter.minusDays(2));                    // långfredagen
        days.add(easter);                                 // påskdagen
        days.add(easter.plusDays(1));                     // annandag påsk
        days.add(easter.plusDays(39));                    // Kristi himmelsfärdsdag
        days.add(easter.plusDays(49));                    // pingstdagen
        days.add(LocalDate.of(year, Month.MAY, 1));       // första maj
        days.add(LocalDate.of(year, Month.JUNE, 6));      // nationaldagen
        // Midsummer Day: the Saturday from 20 to 26 June; its Eve, the Friday before, is a day off.
        LocalDate midsummerDay = LocalDate.of(year, Month.JUNE, 20).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        days.add(midsummerDay.minusDays(1));              // midsommarafton
        days.add(midsummerDay);                           // midsommardagen
        // All Saints' Day: the Saturday from 31 October to 6 November.
        days.add(LocalDate.of(year, Month.OCTOBER, 31).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)));
        days.add(LocalDate.of(year, Month.DECEMBER, 24)); // julafton
        days.add(LocalDate.of(year, Month.DECEMBER, 25)); // juldagen
        days.add(LocalDate.of(year, Month.DECEMBER, 26)); // annandag jul
        days.add(LocalDate.of(year, Month.DECEMBER, 31)); // nyårsafton
        return days;
    }

    /** Easter Sunday of the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
