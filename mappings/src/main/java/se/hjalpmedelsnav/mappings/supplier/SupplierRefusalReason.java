package se.hjalpmedelsnav.mappings.supplier;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a municipality is told when the supplier refuses its message (the SUPPLIER_REJECTED error of
 * REJECTED_BY_SUPPLIER): the supplier's stable code and the hub's own sentence for it. The supplier's
 * wording is not passed on: it quotes what was sent ("does not carry article …", "does not know device
 * …"), which no error message of the contract does, and it may hold any text at all.
 */
public final class SupplierRefusalReason {

    /** A code as the supplier's API writes them ({@code UNKNOWN_ARTICLE}); anything else is no code. */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    /** A status file's or an event's free text that starts with the code, as in {@code UNKNOWN_DEVICE: …}. */
    private static final Pattern LEADING_CODE = Pattern.compile("\\s*([A-Z][A-Z0-9_]{1,39})\\s*:.*", Pattern.DOTALL);

    private SupplierRefusalReason() {
    }

    /** For a refusal the supplier's API answered (4xx): its problem's code, or none, and the HTTP status. */
    public static String ofApiAnswer(String code, int httpStatus) {
        return code != null && CODE.matcher(code).matches()
                ? explained(code)
                : "the supplier refused it (HTTP " + httpStatus + ")";
    }

    /** For a refusal in a supplier event or a status file: its free text, which may start with the code. */
    public static String ofEventReason(String reason) {
        Matcher leading = reason == null ? null : LEADING_CODE.matcher(reason);
        if (leading != null && leading.matches()) {
            return explained(leading.group(1));
        }
        return reason != null && CODE.matcher(reason.strip()).matches()
                ? explained(reason.strip())
                : "the supplier refused it";
    }

    private static String explained(String code) {
        return code + ": " + switch (code) {
            case "UNKNOWN_ARTICLE" -> "the supplier does not carry an article of the order; check the lines' "
                    + "article numbers against its current assortment.";
            case "UNKNOWN_DEVICE" -> "the supplier does not know a device id of the message; check the device ids "
                    + "(individnummer) on the devices' labels.";
            case "INVALID" -> "the supplier found the message invalid as the hub passed it on; contact the hub's "
                    + "administrators.";
            default -> "the supplier refused it; contact the hub's administrators about the code if it is unclear.";
        };
    }
}
