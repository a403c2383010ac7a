package se.hjalpmedelsnav.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An order as it reached the simulated supplier.
 *
 * @param order            the body of the first POST, exactly as received, as compact JSON text (a tree took
 *                         four times the memory); null once the order is older than the latest
 *                         {@code nav.simulator.bodies-kept}
 * @param supplierOrderId  the supplier's id, or null when the order was rejected
 * @param unknownArticles  the articles the order was rejected for, empty when it was accepted
 * @param receivedCount    how many POSTs carried this orderId: more than one means the hub repeated it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReceivedOrder(String orderId, String supplierOrderId, List<String> unknownArticles, int receivedCount,
        OffsetDateTime firstReceivedAt, @JsonRawValue String order) {

    public ReceivedOrder {
        unknownArticles = unknownArticles == null ? List.of() : List.copyOf(unknownArticles);
    }

    public boolean accepted() {
        return supplierOrderId != null;
    }

    boolean firstReceipt() {
        return receivedCount == 1;
    }

    ReceivedOrder receivedAgain() {
        return new ReceivedOrder(orderId, supplierOrderId, unknownArticles, receivedCount + 1, firstReceivedAt, order);
    }

    ReceivedOrder withoutBody() {
        return new ReceivedOrder(orderId, supplierOrderId, unknownArticles, receivedCount, firstReceivedAt, null);
    }

    @Override
    public String toString() {
        return "ReceivedOrder[orderId=" + orderId + ", supplierOrderId=" + supplierOrderId + ", receivedCount="
                + receivedCount + "]";
    }
}
