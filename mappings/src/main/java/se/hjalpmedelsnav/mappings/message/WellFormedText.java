package se.hjalpmedelsnav.mappings.message;

/**
 * What text the hub takes in and sends out. An unpaired UTF-16 surrogate (a high one not followed by a
 * low one, or a low one alone) is no character at all: UTF-8 cannot encode it, and an AMQP 1.0 client
 * (Node's rhea, for one) cannot decode a frame holding one and drops the connection on every attempt, so
 * one such string sent to a municipality's {@code .out} would stop that queue for good. Control
 * characters hide text in logs and consoles, and XML 1.0 (the file drop, Peppol) cannot carry them.
 */
public final class WellFormedText {

    private WellFormedText() {
    }

    /** True when the text holds a surrogate that is not one half of a high-low pair. */
    public static boolean hasUnpairedSurrogate(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** True when the text holds a control character other than tab and line breaks, or a non-character U+FFFE/U+FFFF. */
    public static boolean hasControlCharacter(CharSequence text) {
        return text != null && text.chars().anyMatch(WellFormedText::isControlCharacter);
    }

    /** A code point the contract's text never holds: C0 controls but tab and line breaks, DEL, U+FFFE, U+FFFF. */
    static boolean isControlCharacter(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || c == 0xFFFE || c == 0xFFFF;
    }
}
