package se.hjalpmedelsnav.mappings.identifier;

/**
 * A GS1 GTIN (GTIN-8, -12, -13 or -14) given as digits, as a UDI-DI issued by GS1 is. The check digit
 * is the GS1 mod-10 one: digits weighted 3 and 1 alternately from the right, excluding the check digit.
 */
public final class Gtin {

    private Gtin() {
    }

    public static boolean isValid(String digits) {
        if (digits == null) {
            return false;
        }
        int length = digits.length();
        if (length != 8 && length != 12 && length != 13 && length != 14) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < length; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            if (i < length - 1) {
                boolean weightThree = (length - 2 - i) % 2 == 0;
                sum += (c - '0') * (weightThree ? 3 : 1);
            }
        }
        int checkDigit = (10 - sum % 10) % 10;
        return digits.charAt(length - 1) - '0' == checkDigit;
    }
}
