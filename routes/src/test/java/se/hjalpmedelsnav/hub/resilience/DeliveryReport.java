package se.hjalpmedelsnav.hub.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the municipalities and the supplier saw of one run, counted the way they would count it:
 * the municipalities by messageId and receipt, the supplier by the decision reference each order
 * carries (its own key, independent of the hub's ids).
 */
record DeliveryReport(String run, int sent, int resent, int answered, int accepted, int withOneOriginalReceipt,
        int withSeveralOriginalReceipts, int withOnlyDuplicateReceipts, int duplicateReceipts,
        int duplicateReceiptsNotResent, int moreReceiptsThanSends, int supplierOrders, int deliveredOnce, int duplicatesAtSupplier,
        int repeatedPostsAbsorbed, int unknownAtSupplier, int lost, Map<String, Long> leftOnQueues, int kills,
        long seconds) {

    static DeliveryReport of(String run, List<County.Order> orders, JsonNode supplierOrders,
            Map<String, Long> leftOnQueues, int kills, long seconds) {
        Map<String, List<JsonNode>> atSupplier = new HashMap<>();
        int repeatedPosts = 0;
        for (JsonNode order : supplierOrders) {
            atSupplier.computeIfAbsent(order.path("order").path("decisionReference").asText(), k -> new ArrayList<>())
                    .add(order);
            repeatedPosts += Math.max(0, order.path("receivedCount").asInt() - 1);
        }
        int resent = 0, answered = 0, accepted = 0, oneOriginal = 0, severalOriginals = 0, onlyDuplicates = 0;
        int duplicateReceipts = 0, duplicatesNotResent = 0, moreReceiptsThanSends = 0, deliveredOnce = 0, duplicatesAtSupplier = 0, lost = 0;
        for (County.Order order : orders) {
            resent += order.sends.get() - 1;
            answered += order.answered() ? 1 : 0;
            accepted += order.accepted() ? 1 : 0;
            long originals = order.originalReceipts();
            oneOriginal += originals == 1 ? 1 : 0;
            severalOriginals += originals > 1 ? 1 : 0;
            onlyDuplicates += originals == 0 && order.answered() ? 1 : 0;
            duplicateReceipts += (int) order.duplicateReceipts();
            duplicatesNotResent += order.duplicateReceipts() > 0 && order.sends.get() == 1 ? 1 : 0;
            moreReceiptsThanSends += order.receipts.size() > order.sends.get() ? 1 : 0;
            int copies = atSupplier.getOrDefault(order.decisionReference, List.of()).size();
            deliveredOnce += copies == 1 ? 1 : 0;
            duplicatesAtSupplier += Math.max(0, copies - 1);
            lost += copies == 0 ? 1 : 0;
        }
        var known = new java.util.HashSet<String>();
        orders.forEach(o -> known.add(o.decisionReference));
        int unknown = (int) atSupplier.keySet().stream().filter(k -> !known.contains(k)).count();
        return new DeliveryReport(run, orders.size(), resent, answered, accepted, oneOriginal, severalOriginals,
                onlyDuplicates, duplicateReceipts, duplicatesNotResent, moreReceiptsThanSends, supplierOrders.size(), deliveredOnce,
                duplicatesAtSupplier, repeatedPosts, unknown, lost, leftOnQueues, kills, seconds);
    }

    /** One line for the build log. */
    String summary() {
        return ("[%s] sent=%d (resent by clients after a failed send: %d), receipts: answered=%d accepted=%d "
                + "with exactly one original receipt=%d, with several=%d, with only a duplicate receipt=%d, "
                + "duplicate receipts=%d (for orders never resent: %d), orders with more receipts than sends=%d; supplier: orders=%d delivered once=%d "
                + "duplicates=%d repeated POSTs absorbed by Idempotency-Key=%d unknown=%d; lost=%d; "
                + "left on hub queues=%s; hub kills=%d; took %d s")
                .formatted(run, sent, resent, answered, accepted, withOneOriginalReceipt, withSeveralOriginalReceipts,
                        withOnlyDuplicateReceipts, duplicateReceipts, duplicateReceiptsNotResent, moreReceiptsThanSends,
                        supplierOrders,
                        deliveredOnce, duplicatesAtSupplier, repeatedPostsAbsorbed, unknownAtSupplier, lost,
                        leftOnQueues, kills, seconds);
    }
}
