package se.hjalpmedelsnav.hub.stage;

import org.apache.camel.ExchangeException;

/** The reason a stage gave up, as written on the dead-letter queue: exception type and the hub's own message. */
public final class FailureReasons {

    private static final int MAX_LENGTH = 500;

    private FailureReasons() {
    }

    public static String describe(@ExchangeException Throwable failure) {
        if (failure == null) {
            return "unknown";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (root != failure) {
            text += " (cause " + root.getClass().getSimpleName() + ")";
        }
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
    }
}
