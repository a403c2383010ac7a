package se.hjalpmedelsnav.hub.supplier;

/** What an HTTP status from the supplier's API means for the message. */
public enum SupplierAnswer {
    /** Taken: the order is the supplier's now. */
    TAKEN,
    /** A business rejection: retrying cannot help, the municipality is told REJECTED_BY_SUPPLIER. */
    REJECTED,
    /** The supplier could not take it now (5xx, throttled, token refused): try again later. */
    RETRY;

    public static SupplierAnswer of(int httpStatus) {
        if (httpStatus >= 200 && httpStatus < 300) {
            return TAKEN;
        }
        return switch (httpStatus) {
            case 400, 404, 409, 410, 422 -> REJECTED;
            default -> RETRY;
        };
    }

    /** For the route's choice: {@code method(SupplierAnswer.class, "isRejected")}. */
    public static boolean isRejected(int httpStatus) {
        return of(httpStatus) == REJECTED;
    }

    public static boolean isTaken(int httpStatus) {
        return of(httpStatus) == TAKEN;
    }
}
