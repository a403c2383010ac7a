package se.hjalpmedelsnav.hub.retention;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.JMSException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.hjalpmedelsnav.broker.MessageProperties;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.hub.admin.DeadLetters;
import se.hjalpmedelsnav.hub.admin.ParkedMessage;

/**
 * Parked messages hold the order's body, with the user's identity number, name and address, until someone acts.
 * A message parked longer than {@code alert-after} raises the alert: the gauge
 * {@code nav_retention_dead_letters_overdue{queue}} (on every hub), and, once per message, an audit row and a WARN
 * line per queue with counts only. A message parked longer than {@code expire-after}, whose alert was raised at
 * least the difference of the two periods ago, moves to {@link Queues#EXPIRED_DEAD_LETTERS} with its reason and
 * references, and its body only if so configured; that step is in the audit trail too, in the same transaction.
 */
public class ParkedMessageRetention {

    /** The logger operators alert on. */
    public static final String ALERT_LOGGER = "se.hjalpmedelsnav.hub.retention.ParkedTooLong";

    private static final Logger alerts = LoggerFactory.getLogger(ALERT_LOGGER);
    private static final int MAX_PER_QUEUE = 10_000;

    private final DeadLetters deadLetters;
    private final RetentionAudit audit;
    private final RetentionProperties.DeadLetters policy;
    private final Map<String, AtomicInteger> overdue = new ConcurrentHashMap<>();

    public ParkedMessageRetention(DeadLetters deadLetters, RetentionAudit audit, RetentionProperties.DeadLetters policy,
            MeterRegistry meters) {
        this.deadLetters = deadLetters;
        this.audit = audit;
        this.policy = policy;
        for (String queue : Queues.deadLetterQueues()) {
            AtomicInteger count = overdue.computeIfAbsent(queue, q -> new AtomicInteger());
            Gauge.builder("nav.retention.dead.letters.overdue", count, AtomicInteger::get)
                    .description("Messages parked longer than nav.retention.dead-letters.alert-after")
                    .tag("queue", queue)
                    .register(meters);
        }
    }

    /** What one look at the dead-letter queues found and did. */
    public record Outcome(int overdue, int alerted, int expired) {
    }

    /** Counts the messages parked past the alert period, for the gauge; changes nothing. */
    public int measure(Instant now) throws JMSException {
        int total = 0;
        for (String queue : Queues.deadLetterQueues()) {
            List<ParkedMessage> late = parkedBefore(queue, now.minus(policy.alertAfter()));
            overdue.get(queue).set(late.size());
            total += late.size();
        }
        return total;
    }

    /** Raises the alerts not raised yet and expires what is due; only the hub holding the purge's lease does. */
    public Outcome act(Instant now) throws JMSException {
        int overdueTotal = 0;
        int alertedTotal = 0;
        int expiredTotal = 0;
        Instant expireBefore = now.minus(policy.expireAfter());
        Duration notice = policy.expireAfter().minus(policy.alertAfter());
        for (String queue : Queues.deadLetterQueues()) {
            List<ParkedMessage> late = parkedBefore(queue, now.minus(policy.alertAfter()));
            int alerted = 0;
            int expired = 0;
            for (ParkedMessage parked : late) {
                Instant alertedAt = audit.alertedAt(parked.jmsMessageId());
                if (alertedAt == null) {
                    audit.recordStep(RetentionAudit.ALERTED, parked, null, null, now);
                    alerted++;
                } else if (parked.parkedAt().toInstant().isBefore(expireBefore)
                        && !alertedAt.isAfter(now.minus(notice)) && expire(parked, now)) {
                    expired++;
                }
            }
            int left = late.size() - expired;
            overdue.get(queue).set(left);
            if (left > 0 || expired > 0) {
                alerts.warn("Dead-letter queue {} holds {} message(s) parked longer than {} days ({} newly alerted, "
                        + "oldest parked {}); {} moved to {} after {} days{}. Replay or remove them first: "
                        + "GET /api/admin/dead-letters/{}", queue, left, policy.alertAfter().toDays(), alerted,
                        late.isEmpty() ? "-" : late.get(0).parkedAt(), expired, Queues.EXPIRED_DEAD_LETTERS,
                        policy.expireAfter().toDays(), policy.keepBody() ? " with their bodies" : " without their bodies",
                        queue);
            }
            overdueTotal += left;
            alertedTotal += alerted;
            expiredTotal += expired;
        }
        return new Outcome(overdueTotal, alertedTotal, expiredTotal);
    }

    private boolean expire(ParkedMessage parked, Instant now) throws JMSException {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("navExpiredFrom", parked.deadLetterQueue());
        labels.put("navParkedAt", parked.parkedAt().toString());
        labels.put("navExpiredAt", now.toString());
        labels.put("navBodyRemoved", !policy.keepBody());
        if (policy.keepBody() && Queues.DLQ_KOMMUN_INTAKE.equals(parked.deadLetterQueue())) {
            // A municipality's original the hub may not have read: the console hides its body on the intake's
            // dead-letter queue by the queue's name, and here, where that name is gone, by this mark.
            labels.put(MessageProperties.PROTECTED, true);
        }
        return deadLetters.expire(parked, Queues.EXPIRED_DEAD_LETTERS, policy.keepBody(), labels,
                () -> audit.recordStep(RetentionAudit.EXPIRED, parked, Queues.EXPIRED_DEAD_LETTERS, policy.keepBody(),
                        now));
    }

    private List<ParkedMessage> parkedBefore(String queue, Instant cutoff) throws JMSException {
        return deadLetters.list(queue, MAX_PER_QUEUE).stream()
                .filter(parked -> parked.parkedAt() != null && parked.parkedAt().toInstant().isBefore(cutoff))
                .toList();
    }
}
