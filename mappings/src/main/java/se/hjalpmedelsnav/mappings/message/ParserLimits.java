package se.hjalpmedelsnav.mappings.message;

/**
 * Bounds on what the parser reads from a body, so that a hostile or broken message costs little.
 *
 * @param maxBytes        largest body accepted, in bytes; a larger one is refused unread
 * @param maxDepth        deepest nesting of objects/arrays (JSON) or elements (XML)
 * @param maxStringLength longest single string (JSON) or text content (XML), in characters
 */
public record ParserLimits(int maxBytes, int maxDepth, int maxStringLength) {

    public ParserLimits {
        if (maxBytes < 1 || maxDepth < 1 || maxStringLength < 1) {
            throw new IllegalArgumentException("parser limits must be positive");
        }
    }

    /** 256 KiB, depth 32, strings of 4096 characters: far above any valid message, far below harm. */
    public static ParserLimits defaults() {
        return new ParserLimits(256 * 1024, 32, 4096);
    }
}
