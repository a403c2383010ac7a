package se.hjalpmedelsnav.mappings.registry;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The registry's mapping from an article's classification to its product area (on which the ordering roles hang)
 * and medical-device flag, for a supplier's catalogue line that does not carry them as item properties.
 *
 * @param scheme        the classification: {@value #ISO_9999} for the ISO 9999 code (item property {@code ISO9999}),
 *                      else the {@code listID} of the line's {@code cbc:ItemClassificationCode} (UNCL 7143, e.g.
 *                      {@code MP} for UNSPSC)
 * @param codePrefix    the codes it covers: those starting so, spaces not counted ({@code "22 27"} covers
 *                      {@code 22 27 15}); the longest prefix of a scheme that matches wins
 * @param productArea   the product area of the articles it covers
 * @param medicalDevice whether they are medical devices
 */
public record Classification(String scheme, String codePrefix, String productArea, Boolean medicalDevice) {

    public static final String ISO_9999 = "ISO9999";

    /** The entry of the mapping for that code of that scheme: the longest prefix that covers it. */
    public static Optional<Classification> find(List<Classification> mapping, String scheme, String code) {
        return mapping.stream().filter(c -> c.covers(scheme, code))
                .max(Comparator.comparingInt(c -> c.compactPrefix().length()));
    }

    /** Whether it covers that code of that scheme. */
    public boolean covers(String codeScheme, String code) {
        return scheme != null && codePrefix != null && code != null && scheme.equalsIgnoreCase(codeScheme)
                && compact(code).startsWith(compact(codePrefix));
    }

    /** The prefix as matched: without spaces, upper case. */
    public String compactPrefix() {
        return codePrefix == null ? "" : compact(codePrefix);
    }

    private static String compact(String code) {
        return code.replace(" ", "").toUpperCase(Locale.ROOT);
    }
}
