package se.hjalpmedelsnav.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A return or a fault report as it reached the simulated supplier.
 *
 * @param reference          the hub's reference ({@code returnId} or {@code faultReportId})
 * @param supplierReference  the supplier's id, or null when it was rejected
 * @param unknownDevices     the device ids it was rejected for, empty when it was accepted
 * @param receivedCount      how many POSTs carried this reference: more than one means the hub repeated it
 * @param body               the body of the first POST, exactly as received; kept as compact JSON text (a tree took
 *                           four times the memory)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReceivedRequest(String reference, String supplierReference, List<String> unknownDevices,
        int receivedCount, OffsetDateTime firstReceivedAt, @JsonRawValue String body) {

    public ReceivedRequest {
        unknownDevices = unknownDevices == null ? List.of() : List.copyOf(unknownDevices);
    }

    public boolean accepted() {
        return supplierReference != null;
    }

    boolean firstReceipt() {
        return receivedCount == 1;
    }

    ReceivedRequest receivedAgain() {
        return new ReceivedRequest(reference, supplierReference, unknownDevices, receivedCount + 1, firstReceivedAt,
                body);
    }

    @Override
    public String toString() {
        return "ReceivedRequest[reference=" + reference + ", supplierReference=" + supplierReference
                + ", receivedCount=" + receivedCount + "]";
    }
}
