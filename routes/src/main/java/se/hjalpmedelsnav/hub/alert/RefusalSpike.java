package se.hjalpmedelsnav.hub.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * REFUSAL_SPIKE: a municipality that sent at least {@code min-messages} in the last {@code window} and had a rejected
 * share of at least {@code max(min-share, factor × its baseline share)} (at most 100 %), the baseline being its share
 * over the {@code baseline} before the window. Cleared when the window's share falls below that (or too few messages
 * remain in it).
 */
@Component
public class RefusalSpike implements AlertRule {

    private final AlertStore store;
    private final AlertProperties.Refusals policy;
    private final Clock clock;
    private Map<String, AlertStore.Counts> baseline = Map.of();
    private Instant baselineAt;

    public RefusalSpike(AlertStore store, AlertProperties properties, Clock clock) {
        this.store = store;
        this.policy = properties.refusals();
        this.clock = clock;
    }

    @Override
    public AlertCode code() {
        return AlertCode.REFUSAL_SPIKE;
    }

    @Override
    public List<Finding> find() {
        Instant now = clock.instant();
        Instant windowStart = now.minus(policy.window());
        Map<String, AlertStore.Counts> recent = new TreeMap<>(store.received(windowStart, now));
        Map<String, AlertStore.Counts> base = baseline(now, windowStart);
        List<Finding> findings = new ArrayList<>();
        recent.forEach((kommun, counts) -> {
            if (counts.received() < policy.minMessages()) {
                return;
            }
            AlertStore.Counts before = base.getOrDefault(kommun, new AlertStore.Counts(0, 0));
            double threshold = threshold(before.rejectedShare());
            if (counts.rejected() > 0 && counts.rejectedShare() >= threshold) {
                findings.add(new Finding(code(), kommun, counts.rejected(), "rejected " + counts.rejected() + " of "
                        + counts.received() + " in the last " + policy.window().toMinutes() + " min ("
                        + percent(counts.rejectedShare()) + "); baseline " + percent(before.rejectedShare()) + " of "
                        + before.received() + " over " + policy.baseline().toDays() + " days; threshold "
                        + percent(threshold), List.of()));
            }
        });
        return findings;
    }

    double threshold(double baselineShare) {
        return Math.min(1.0, Math.max(policy.minShare(), policy.factor() * baselineShare));
    }

    /** Each municipality's share before the window, computed again every {@code baseline-refresh}. */
    private synchronized Map<String, AlertStore.Counts> baseline(Instant now, Instant windowStart) {
        if (baselineAt == null || now.isBefore(baselineAt) || !now.isBefore(baselineAt.plus(policy.baselineRefresh()))) {
            baseline = store.received(windowStart.minus(policy.baseline()), windowStart);
            baselineAt = now;
        }
        return baseline;
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }
}
