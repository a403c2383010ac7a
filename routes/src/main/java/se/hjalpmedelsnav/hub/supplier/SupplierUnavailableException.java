package se.hjalpmedelsnav.hub.supplier;

/** The supplier did not take a message for a reason that may pass (5xx, throttling, refused token). */
public class SupplierUnavailableException extends RuntimeException {

    public SupplierUnavailableException(String message) {
        super(message);
    }
}
