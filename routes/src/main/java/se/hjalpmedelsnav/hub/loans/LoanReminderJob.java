package se.hjalpmedelsnav.hub.loans;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.hjalpmedelsnav.hub.lease.JobLease;
import se.hjalpmedelsnav.hub.stage.KommunEvents.KommunEvent;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * One run of the reminders, on the hub that holds the {@code loan-reminders} lease: records every reminder that has
 * come due (an outbox row, {@link LoanReminders#decide}), then sends each unsent one to its municipality's {@code .out}
 * and marks it sent.
 *
 * <p>Why this is once: the row is written once, whichever hub or run comes first (its unique key), and is sent only
 * after it is committed, so a crash before the send leaves it unsent and the next run sends it. A crash after the
 * send and before the mark makes the next run send it again, under the same broker duplicate id
 * ({@link LoanReminders.Recorded#brokerDuplicateId}): Artemis drops the second copy. No XA, no message lost, none
 * doubled, as long as the broker's duplicate-id cache still holds the first send's id: the hub's brokers keep 50 000
 * ids per address, persisted ({@code EmbeddedBroker}, {@code docker/broker/broker.xml}), far more than one
 * municipality's {@code .out} receives between a crash and the next run.
 */
public class LoanReminderJob {

    private static final Logger log = LoggerFactory.getLogger(LoanReminderJob.class);

    /** Where a reminder goes: {@link se.hjalpmedelsnav.hub.stage.KommunEvents#sendNowOnce} in the hub. */
    @FunctionalInterface
    public interface Sender {
        void send(KommunEvent event, String brokerDuplicateId);
    }

    /** What one run did: reminders newly recorded, and sent; {@code leased} false when another hub held the job. */
    public record Run(boolean leased, int decided, int sent) {
    }

    private final LoanReminders reminders;
    private final JobLease lease;
    private final Sender sender;
    private final Clock clock;
    private final Duration leaseFor;
    private final int batchSize;

    public LoanReminderJob(LoanReminders reminders, JobLease lease, Sender sender, Clock clock, Duration leaseFor,
            int batchSize) {
        this.reminders = reminders;
        this.lease = lease;
        this.sender = sender;
        this.clock = clock;
        this.leaseFor = leaseFor;
        this.batchSize = batchSize;
    }

    public Run run() {
        Instant start = clock.instant();
        if (!lease.take(start, start.plus(leaseFor))) {
            log.debug("Loan reminders: another hub holds the job");
            return new Run(false, 0, 0);
        }
        try {
            LocalDate today = start.atZone(RuleContext.SWEDISH_TIME).toLocalDate();
            int decided = reminders.decide(today, OffsetDateTime.ofInstant(start, RuleContext.SWEDISH_TIME));
            int sent = 0;
            for (LoanReminders.Recorded due : reminders.unsent(batchSize)) {
                if (!lease.renew(clock.instant().plus(leaseFor))) {
                    log.warn("Loan reminders: the job's lease was lost mid-run; the rest waits for the next run");
                    break;
                }
                OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant(), RuleContext.SWEDISH_TIME);
                sender.send(new KommunEvent(due.kommunCode(), due.kind(), due.hubReference(), due.hubReference(),
                        new LoanReminder(due.kind(), due.hubReference(), due.decisionReference(), due.deviceIds(),
                                due.dueDate(), at)), due.brokerDuplicateId());
                if (reminders.markSent(due.id(), at, lease.holder())) {
                    sent++;
                }
                log.info("Loan reminder {} for {} of {} sent (due {})", due.kind(), due.hubReference(),
                        due.kommunCode(), due.dueDate());
            }
            if (decided > 0 || sent > 0) {
                log.info("Loan reminders: {} came due, {} sent", decided, sent);
            }
            return new Run(true, decided, sent);
        } finally {
            // Free at once: unlike the purge, a run finds nothing to do right after another, so the hubs need no rest.
            lease.release(Instant.EPOCH);
        }
    }
}
