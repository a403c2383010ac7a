package se.hjalpmedelsnav.mappings.identifier;

import java.util.regex.Pattern;

/** Swedish organisationsnummer: 10 digits (a hyphen after the sixth allowed), Luhn-checked. */
public final class OrganisationNumber {

    private static final Pattern FORM = Pattern.compile("\\d{6}-?\\d{4}");

    private OrganisationNumber() {
    }

    public static boolean isValid(String value) {
        return value != null && FORM.matcher(value).matches() && Luhn.isValid(normalise(value));
    }

    /** The 10 digits without hyphen. */
    public static String normalise(String value) {
        return value.replace("-", "");
    }
}
