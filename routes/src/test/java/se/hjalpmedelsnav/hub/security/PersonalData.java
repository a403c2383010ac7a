package se.hjalpmedelsnav.hub.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in text, for the scans of what the hub wrote: the test's own values (names,
 * addresses, phone numbers, identity numbers in every written form) and anything else shaped like a
 * personnummer or samordningsnummer (a real date, day + 60 for a samordningsnummer, and a valid check
 * digit), with or without century and separator, and bearer tokens. A finding never carries the value: only its kind
 * and a masked form. A number right after {@code @} is a Java identity hash code ({@code Object@1208126993}),
 * which Artemis and Spring print at DEBUG, not an identity number.
 */
final class PersonalData {

    private static final Pattern IDENTITY_NUMBER = Pattern.compile(
            "(?<![0-9@])((?:19|20)?[0-9]{2})(0[1-9]|1[0-2])([0-9]{2})([-+]?)([0-9]{4})(?![0-9])");

    private static final Pattern BEARER_TOKEN = Pattern.compile(
            "(?i)(?:bearer[ =:]+|access_token[\"]?[=:] ?[\"]?)([A-Za-z0-9._~+/-]{16,})");

    private PersonalData() {
    }

    /** What of the needles and of the identity-number shapes the line holds, each masked. */
    static List<String> find(String line, List<String> needles) {
        Set<String> found = new LinkedHashSet<>();
        for (String needle : needles) {
            if (line.contains(needle)) {
                found.add("test value " + mask(needle));
            }
        }
        Matcher numbers = IDENTITY_NUMBER.matcher(line);
        while (numbers.find()) {
            int day = Integer.parseInt(numbers.group(3));
            boolean realDay = (day >= 1 && day <= 31) || (day >= 61 && day <= 91);
            String tenDigits = numbers.group(1).substring(numbers.group(1).length() - 2) + numbers.group(2)
                    + numbers.group(3) + numbers.group(5);
            if (realDay && luhnValid(tenDigits)) {
                found.add("identity-number shape " + mask(numbers.group()));
            }
        }
        Matcher tokens = BEARER_TOKEN.matcher(line);
        while (tokens.find()) {
            found.add("bearer token " + mask(tokens.group(1)));
        }
        return new ArrayList<>(found);
    }

    /** The forms an identity number is written in: with and without century, with and without separator. */
    static List<String> shapesOf(String twelveDigitsWithDash) {
        String digits = twelveDigitsWithDash.replace("-", "");
        String ten = digits.substring(2);
        return List.of(digits, digits.substring(0, 8) + "-" + digits.substring(8), ten,
                ten.substring(0, 6) + "-" + ten.substring(6));
    }

    /** The first two and the last character; the rest as asterisks. */
    static String mask(String value) {
        if (value.length() <= 3) {
            return "*".repeat(value.length());
        }
        return value.substring(0, 2) + "*".repeat(value.length() - 3) + value.charAt(value.length() - 1);
    }

    private static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = (digits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d / 10 + d % 10;
        }
        return sum % 10 == 0;
    }
}
