package se.hjalpmedelsnav.simulator;

import java.time.OffsetDateTime;

/**
 * What reached the simulated supplier, counted.
 *
 * @param orders          distinct orderIds received
 * @param repeatedPosts   POSTs that carried an orderId already received (the hub sent it again)
 * @param firstReceivedAt the earliest first receipt, null when there is none
 * @param lastReceivedAt  the latest first receipt, null when there is none
 */
public record ReceivedOrdersSummary(int orders, int repeatedPosts, OffsetDateTime firstReceivedAt,
        OffsetDateTime lastReceivedAt) {
}
