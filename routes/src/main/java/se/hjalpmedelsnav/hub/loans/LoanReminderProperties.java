package se.hjalpmedelsnav.hub.loans;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The follow-up and return reminders ({@code nav.loans.reminders.*}; README "Loans").
 *
 * @param enabled      whether this hub runs the reminder job at all (every hub may: one at a time holds the lease)
 * @param interval     how often it looks for reminders that have come due
 * @param initialDelay how long after the start the first run waits
 * @param lease        how long a run may hold the job (renewed before each send); a hub that dies mid-run frees it
 *                     when this has passed
 * @param batchSize    reminders sent by one run at most: what is left waits for the next run
 */
@ConfigurationProperties("nav.loans.reminders")
public record LoanReminderProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("1m") Duration initialDelay,
        @DefaultValue("10m") Duration lease,
        @DefaultValue("500") int batchSize) {
}
