package se.hjalpmedelsnav.mappings.message;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.regex.Pattern;

/** Dotted field paths ({@code lines[0].quantity}) as the receipts name fields. */
final class FieldPaths {

    /**
     * A member name fit to be repeated in a receipt. Names outside the contract come from the sender
     * and might be anything, a personal identity number too, so long digit runs are never echoed.
     */
    private static final Pattern PLAIN_NAME = Pattern.compile("(?!.*[0-9]{5})[A-Za-z_][A-Za-z0-9_]{0,63}");

    private FieldPaths() {
    }

    static boolean isPlainName(String name) {
        return name != null && PLAIN_NAME.matcher(name).matches();
    }

    static String of(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (isPlainName(reference.getFieldName())) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            }
        }
        return path.length() == 0 ? null : path.toString();
    }
}
