package se.hjalpmedelsnav.hub.stage;

/**
 * A failure that retrying cannot mend (an event for a message the hub never sent, a report its recipient
 * refused for good): the stage parks the message at once instead of after its attempts. Implemented by the
 * exception a stage's step throws, or by one of its causes.
 */
public interface PermanentFailure {

    /** Whether {@code failure}, or any of its causes, is permanent. */
    static boolean isPermanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PermanentFailure) {
                return true;
            }
        }
        return false;
    }
}
