package se.hjalpmedelsnav.hub.loans;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import se.hjalpmedelsnav.hub.lease.JobLease;
import se.hjalpmedelsnav.hub.stage.KommunEvents;

/** The reminder job's parts, from {@code nav.loans.reminders.*}. */
@Configuration
public class LoanReminderConfiguration {

    /** The row of the job in {@code retention_lease} ({@code V15__loan_reminders.sql}). */
    public static final String LEASE = "loan-reminders";

    @Bean
    LoanReminderJob loanReminderJob(LoanReminders reminders, JdbcTemplate jdbc, KommunEvents kommunEvents,
            LoanReminderProperties properties, Clock clock) {
        return new LoanReminderJob(reminders, new JobLease(jdbc, LEASE, JobLease.thisHub()),
                kommunEvents::sendNowOnce, clock, properties.lease(), properties.batchSize());
    }
}
