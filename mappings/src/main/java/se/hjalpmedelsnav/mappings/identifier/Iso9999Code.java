package se.hjalpmedelsnav.mappings.identifier;

import java.util.regex.Pattern;

/**
 * An ISO 9999 classification code (class, subclass, division): 2, 4 or 6 digits in pairs, spaces
 * between the pairs optional. Only the form is checked: the classes change between editions of the
 * standard, so none is hard-coded here.
 */
public final class Iso9999Code {

    private static final Pattern FORM = Pattern.compile("\\d{2}(?: ?\\d{2}){0,2}");

    private Iso9999Code() {
    }

    public static boolean isValid(String value) {
        return value != null && FORM.matcher(value.strip()).matches();
    }

    /** The code with one space between the pairs, e.g. {@code 12 22 03}. */
    public static String normalise(String value) {
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not an ISO 9999 code (2, 4 or 6 digits in pairs): " + value);
        }
        String digits = value.strip().replace(" ", "");
        StringBuilder pairs = new StringBuilder(8);
        for (int i = 0; i < digits.length(); i += 2) {
            if (i > 0) {
                pairs.append(' ');
            }
            pairs.append(digits, i, i + 2);
        }
        return pairs.toString();
    }
}
