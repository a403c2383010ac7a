package se.hjalpmedelsnav.mappings.identifier;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Swedish personnummer or samordningsnummer (coordination number), held with its century.
 *
 * <p>Accepted forms are {@code YYYYMMDDNNNC}, {@code YYYYMMDD-NNNC}, {@code YYMMDD-NNNC} and
 * {@code YYMMDD+NNNC}. In the short forms the separator carries the century: {@code -} for a person
 * under 100 and {@code +} for one who is 100 or older. A samordningsnummer has 60 added to the day.
 * The last digit is the Luhn check digit of the ten digits {@code YYMMDDNNNC}.
 *
 * @param number             the normalised 12 digits {@code YYYYMMDDNNNC}, day as written (plus 60 for a
 *                           samordningsnummer)
 * @param coordinationNumber whether it is a samordningsnummer rather than a personnummer
 */
public record PersonalIdentityNumber(String number, boolean coordinationNumber) {

    private static final Pattern LONG_FORM = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})-?(\\d{4})");
    private static final Pattern SHORT_FORM = Pattern.compile("(\\d{2})(\\d{2})(\\d{2})([-+])(\\d{4})");
    private static final Pattern NORMALISED = Pattern.compile("\\d{12}");
    private static final int COORDINATION_DAY_OFFSET = 60;

    public PersonalIdentityNumber {
        // Never put the value itself in the exception: it is personal data.
        if (number == null || !NORMALISED.matcher(number).matches()) {
            throw new IllegalArgumentException("A personal identity number must be held as 12 digits");
        }
    }

    /**
     * The number if {@code value} is a valid personnummer or samordningsnummer on {@code today}:
     * accepted form, existing birth date not after {@code today}, correct check digit.
     */
    public static Optional<PersonalIdentityNumber> parse(String value, LocalDate today) {
        if (value == null || today == null) {
            return Optional.empty();
        }
        Matcher longForm = LONG_FORM.matcher(value);
        if (longForm.matches()) {
            return of(Integer.parseInt(longForm.group(1)), longForm.group(2), longForm.group(3), longForm.group(4),
                    today);
        }
        Matcher shortForm = SHORT_FORM.matcher(value);
        if (shortForm.matches()) {
            Optional<Integer> year = centuryFor(Integer.parseInt(shortForm.group(1)), shortForm.group(2),
                    shortForm.group(3), "+".equals(shortForm.group(4)), today);
            return year.flatMap(y -> of(y, shortForm.group(2), shortForm.group(3), shortForm.group(5), today));
        }
        return Optional.empty();
    }

    public static boolean isValid(String value, LocalDate today) {
        return parse(value, today).isPresent();
    }

    /** The birth date the number gives (for a samordningsnummer, the day less 60). */
    public LocalDate birthDate() {
        int day = Integer.parseInt(number.substring(6, 8));
        return LocalDate.of(Integer.parseInt(number.substring(0, 4)), Integer.parseInt(number.substring(4, 6)),
                coordinationNumber ? day - COORDINATION_DAY_OFFSET : day);
    }

    @Override
    public String toString() {
        return "PersonalIdentityNumber[redacted]";
    }

    private static Optional<PersonalIdentityNumber> of(int year, String month, String writtenDay, String serial,
            LocalDate today) {
        boolean coordination = Integer.parseInt(writtenDay) > COORDINATION_DAY_OFFSET;
        int day = Integer.parseInt(writtenDay) - (coordination ? COORDINATION_DAY_OFFSET : 0);
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(year, Integer.parseInt(month), day);
        } catch (DateTimeException noSuchDate) {
            return Optional.empty();
        }
        String yearDigits = String.format("%04d", year);
        if (birthDate.isAfter(today) || !Luhn.isValid(yearDigits.substring(2) + month + writtenDay + serial)) {
            return Optional.empty();
        }
        return Optional.of(new PersonalIdentityNumber(yearDigits + month + writtenDay + serial, coordination));
    }

    /**
     * The full year of a short-form number: the latest year ending in {@code yy} whose birthday is not
     * after today (so the person is under 100), a century earlier for {@code +}.
     */
    private static Optional<Integer> centuryFor(int yy, String month, String writtenDay, boolean hundredOrOlder,
            LocalDate today) {
        int day = Integer.parseInt(writtenDay);
        MonthDay birthday;
        try {
            birthday = MonthDay.of(Integer.parseInt(month),
                    day > COORDINATION_DAY_OFFSET ? day - COORDINATION_DAY_OFFSET : day);
        } catch (DateTimeException noSuchDay) {
            return Optional.empty();
        }
        int year = today.getYear() - Math.floorMod(today.getYear() - yy, 100);
        if (year == today.getYear() && birthday.isAfter(MonthDay.from(today))) {
            year -= 100;
        }
        return Optional.of(hundredOrOlder ? year - 100 : year);
    }
}
