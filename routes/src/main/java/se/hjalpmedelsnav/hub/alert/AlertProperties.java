package se.hjalpmedelsnav.hub.alert;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The alerts ({@code nav.alerts.*}; README "Alerts").
 *
 * @param enabled       whether this hub runs the check at all
 * @param checkInterval how often every alert is evaluated
 * @param initialDelay  how long after the start the first evaluation waits
 * @param silence       BUSINESS_SILENCE
 * @param refusals      REFUSAL_SPIKE
 * @param supplier      SUPPLIER_DEADLINE, in Swedish working days
 */
@ConfigurationProperties("nav.alerts")
public record AlertProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("60s") Duration checkInterval,
        @DefaultValue("15s") Duration initialDelay,
        @DefaultValue Silence silence,
        @DefaultValue Refusals refusals,
        @DefaultValue Supplier supplier) {

    /**
     * @param after       how much of its usual hours a municipality may send nothing before the alert
     * @param learnWeeks  how many past weeks its usual hours are learnt from
     * @param minWeeks    an hour of the week is usual when it sent in it on at least this many of those weeks
     * @param relearn     how often the learnt hours are computed again (one query over those weeks)
     * @param hours       usual hours set per municipality code, e.g. {@code MON-FRI 07-17}; they replace the learnt ones
     */
    public record Silence(
            @DefaultValue("2h") Duration after,
            @DefaultValue("4") int learnWeeks,
            @DefaultValue("3") int minWeeks,
            @DefaultValue("6h") Duration relearn,
            Map<String, String> hours) {

        public Silence {
            hours = hours == null ? Map.of() : Map.copyOf(hours);
        }
    }

    /**
     * @param window          the recent window whose rejected share is compared
     * @param minMessages     fewer messages than this in the window raise nothing
     * @param baseline        the window of the baseline share (before the recent window)
     * @param factor          the recent share must be at least the baseline share times this
     * @param minShare        and at least this share (0-1), whatever the baseline
     * @param baselineRefresh how often the baseline is computed again
     */
    public record Refusals(
            @DefaultValue("1h") Duration window,
            @DefaultValue("10") int minMessages,
            @DefaultValue("7d") Duration baseline,
            @DefaultValue("3.0") double factor,
            @DefaultValue("0.25") double minShare,
            @DefaultValue("1h") Duration baselineRefresh) {
    }

    /**
     * Swedish working days, counted from the day the hub received the message: due at the end of the nth working
     * day after it.
     *
     * @param orderConfirmation an order without the supplier's answer (confirmed, backordered, delivered, cancelled
     *                          or refused)
     * @param repairStarted     a fault report not in progress (nor resolved, replaced or refused)
     * @param repairResolved    a fault report not resolved, replaced or refused
     * @param pickup            a return not picked up (nor written off as lost, or refused)
     */
    public record Supplier(
            @DefaultValue("1") int orderConfirmation,
            @DefaultValue("3") int repairStarted,
            @DefaultValue("10") int repairResolved,
            @DefaultValue("7") int pickup) {
    }
}
