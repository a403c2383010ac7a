package se.hjalpmedelsnav.hub.lease;

import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One run of a scheduled job at a time among the hubs sharing the database (the purge, row {@code purge}; the loan
 * reminders, row {@code loan-reminders}): a lease row in {@code retention_lease}, taken
 * and renewed with conditional updates (one statement each, so H2 and PostgreSQL alike let one hub win), held
 * only for one run (and a rest after it), and freed when its time passes if the hub holding it died. Times are the hubs' clocks,
 * which agree to well within a lease.
 */
public class JobLease {

    private final JdbcTemplate jdbc;
    private final String name;
    private final String holder;

    /** The lease of the job whose row in {@code retention_lease} is {@code name}, held as {@code holder}. */
    public JobLease(JdbcTemplate jdbc, String name, String holder) {
        this.jdbc = jdbc;
        this.name = name;
        this.holder = holder;
    }

    /** Who holds a lease, in the audit: the host and this start of the hub. */
    public static String thisHub() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException unknown) {
            host = "hub";
        }
        return host + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String holder() {
        return holder;
    }

    /** Takes the lease until {@code until}; false when another hub holds it and its time has not passed. */
    public boolean take(Instant now, Instant until) {
        return jdbc.update("update retention_lease set holder = ?, leased_until = ? where name = ? "
                + "and (leased_until < ? or holder = ?)", holder, Timestamp.from(until), name, Timestamp.from(now),
                holder) == 1;
    }

    /** Extends the lease this hub holds; false when it lost it (its time passed and another hub took it). */
    public boolean renew(Instant until) {
        return jdbc.update("update retention_lease set leased_until = ? where name = ? and holder = ?",
                Timestamp.from(until), name, holder) == 1;
    }

    /**
     * Gives the lease up, if this hub still holds it; no hub takes it before {@code restUntil}, so that the hubs
     * sharing the database, each with its own timer, do not purge one after another right after a run.
     */
    public void release(Instant restUntil) {
        jdbc.update("update retention_lease set holder = null, leased_until = ? where name = ? and holder = ?",
                Timestamp.from(restUntil), name, holder);
    }
}
