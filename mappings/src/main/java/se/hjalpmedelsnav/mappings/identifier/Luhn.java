package se.hjalpmedelsnav.mappings.identifier;

/** The Luhn (mod 10) check used by Swedish identity and organisation numbers. */
public final class Luhn {

    private Luhn() {
    }

    /** True when the string is all digits and its last digit is the Luhn check digit of the rest. */
    public static boolean isValid(CharSequence digits) {
        if (digits == null || digits.length() < 2) {
            return false;
        }
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int d = c - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
