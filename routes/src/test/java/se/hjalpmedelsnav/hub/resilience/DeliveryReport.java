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
        long seconds, Withdrawals withdrawals) {

    /**
     * The BUFFER_WITHDRAWALs among the orders, as the supplier saw them: each must have exactly one registration of
     * its hand-out and, where its store refills, exactly one refill (else none). They count in the fields above too
     * (delivered once when both hold; a second registration or refill is a duplicate, a missing one lost).
     *
     * @param refillsExpected withdrawals from a store that refills automatically
     * @param registeredTwice withdrawals whose hand-out the supplier registered more than once
     * @param refilledTwice   withdrawals whose store the supplier was asked to refill more than once
     * @param refillsUnwanted withdrawals from a store with autoRefill off that got a refill all the same
     */
    record Withdrawals(int sent, int refillsExpected, int registeredOnce, int registeredTwice, int refilledOnce,
            int refilledTwice, int refillsUnwanted) {
    }

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
        int withdrawals = 0, refillsExpected = 0, registeredOnce = 0, registeredTwice = 0, refilledOnce = 0,
                refilledTwice = 0, refillsUnwanted = 0;
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
            List<JsonNode> atSupplierForIt = atSupplier.getOrDefault(order.decisionReference, List.of());
            if (order.withdrawal) {
                int registrations = (int) atSupplierForIt.stream()
                        .filter(copy -> copy.path("order").path("handOutFromStock").asBoolean()).count();
                int refills = atSupplierForIt.size() - registrations;
                int wantedRefills = order.refills ? 1 : 0;
                withdrawals++;
                refillsExpected += wantedRefills;
                registeredOnce += registrations == 1 ? 1 : 0;
                registeredTwice += registrations > 1 ? 1 : 0;
                refilledOnce += refills == 1 ? 1 : 0;
                refilledTwice += refills > 1 ? 1 : 0;
                refillsUnwanted += refills > 0 && !order.refills ? 1 : 0;
                deliveredOnce += registrations == 1 && refills == wantedRefills ? 1 : 0;
                duplicatesAtSupplier += Math.max(0, registrations - 1) + Math.max(0, refills - wantedRefills);
                lost += registrations == 0 || refills < wantedRefills ? 1 : 0;
                continue;
            }
            int copies = atSupplierForIt.size();
            deliveredOnce += copies == 1 ? 1 : 0;
            duplicatesAtSupplier += Math.max(0, copies - 1);
            lost += copies == 0 ? 1 : 0;
        }
        var known = new java.util.HashSet<String>();
        orders.forEach(o -> known.add(o.decisionReference));
        int unknown = (int) atSupplier.keySet().stream().filter(k -> !known.contains(k)).count();
        return new DeliveryReport(run, orders.size(), resent, answered, accepted, oneOriginal, severalOriginals,
                onlyDuplicates, duplicateReceipts, duplicatesNotResent, moreReceiptsThanSends, supplierOrders.size(), deliveredOnce,
                duplicatesAtSupplier, repeatedPosts, unknown, lost, leftOnQueues, kills, seconds,
                new Withdrawals(withdrawals, refillsExpected, registeredOnce, registeredTwice, refilledOnce,
                        refilledTwice, refillsUnwanted));
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
                        leftOnQueues, kills, seconds)
                + ("; buffer withdrawals among them=%d: hand-out registered once=%d, twice=%d; refills expected=%d, "
                        + "ordered once=%d, twice=%d, ordered though autoRefill is off=%d").formatted(withdrawals.sent(),
                        withdrawals.registeredOnce(), withdrawals.registeredTwice(), withdrawals.refillsExpected(),
                        withdrawals.refilledOnce(), withdrawals.refilledTwice(), withdrawals.refillsUnwanted());
    }
}
