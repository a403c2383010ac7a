package se.hjalpmedelsnav.hub.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.hjalpmedelsnav.hub.lease.JobLease;

/**
 * One purge run: takes the lease (or leaves the run to the hub holding it), removes what is past its period in
 * the database, the folders and the dead-letter queues, and reports the counts: the counter
 * {@code nav_retention_removed_total{store}}, one INFO line, and a row in {@code retention_run} that admins read
 * from any hub ({@code GET /api/admin/retention}).
 */
public class RetentionPurge {

    /** The purge's row in {@code retention_lease}. */
    public static final String LEASE = "purge";

    public static final String DONE = "DONE";
    public static final String SKIPPED = "SKIPPED";
    public static final String FAILED = "FAILED";
    /** The lease ran out under the run (a run longer than {@code nav.retention.lease}): it stopped between batches. */
    public static final String STOPPED = "STOPPED";

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final RetentionProperties properties;
    private final JobLease lease;
    private final DatabasePurge database;
    private final Folders folders;
    private final ParkedMessageRetention parkedMessages;
    private final RetentionAudit audit;
    private final MeterRegistry meters;
    private final Clock clock;

    /**
     * The folders this hub sweeps (null where the folder is on a server, not here), and how a report's
     * confirmation is looked up.
     */
    public record Folders(Path filedropProcessed, Path filedropError, Path authorityOutbox, Path confirmationsProcessed,
            Path confirmationsError, Function<String, Optional<Instant>> confirmedAt) {
    }

    public RetentionPurge(RetentionProperties properties, JobLease lease, DatabasePurge database, Folders folders,
            ParkedMessageRetention parkedMessages, RetentionAudit audit, MeterRegistry meters, Clock clock) {
        this.properties = properties;
        this.lease = lease;
        this.database = database;
        this.folders = folders;
        this.parkedMessages = parkedMessages;
        this.audit = audit;
        this.meters = meters;
        this.clock = clock;
    }

    /** Runs the purge if no other hub is running it; what this run did. */
    public RetentionAudit.Run run() {
        Instant started = clock.instant();
        if (!lease.take(started, started.plus(properties.lease()))) {
            measureParkedMessages(started);
            log.debug("Retention purge left to the hub holding its lease");
            count(SKIPPED);
            return new RetentionAudit.Run(null, lease.holder(), started.atOffset(ZoneOffset.UTC),
                    clock.instant().atOffset(ZoneOffset.UTC), SKIPPED, Map.of(), null);
        }
        Map<String, Integer> removed = new LinkedHashMap<>();
        String outcome = DONE;
        String problem = null;
        try {
            database.purge(started, this::stillHeld, removed);
            if (stillHeld()) {
                purgeFolders(started, removed);
            }
            if (stillHeld()) {
                removed.put("dead_letters", parkedMessages.act(started).expired());
            } else {
                outcome = STOPPED;
                log.warn("Retention purge stopped: its lease ran out (nav.retention.lease {}); removed {}",
                        properties.lease(), RetentionAudit.counts(removed));
            }
        } catch (Exception failure) {
            outcome = FAILED;
            // The kind of failure and its text: SQL and file paths, no content (file names are hub references).
            problem = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            log.warn("Retention purge failed after removing {}: {}", RetentionAudit.counts(removed), problem);
        } finally {
            // After a run the next is due in an interval, whichever hub's timer comes first after half of it; after
            // a failure any hub may try again at its next tick.
            Instant now = clock.instant();
            lease.release(FAILED.equals(outcome) ? now : now.plus(properties.interval().dividedBy(2)));
        }
        Instant finished = clock.instant();
        var run = new RetentionAudit.Run(UUID.randomUUID().toString(), lease.holder(), started.atOffset(ZoneOffset.UTC),
                finished.atOffset(ZoneOffset.UTC), outcome, removed, problem);
        removed.forEach((store, count) -> Counter.builder("nav.retention.removed")
                .description("Rows, files and parked messages the retention purge removed")
                .tag("store", store).register(meters).increment(count));
        count(outcome);
        try {
            audit.recordRun(run);
        } catch (RuntimeException notRecorded) {
            log.warn("Retention purge run not recorded: {}", notRecorded.getClass().getSimpleName());
        }
        if (!FAILED.equals(outcome)) {
            log.info("Retention purge removed {} in {} ms", RetentionAudit.counts(removed),
                    finished.toEpochMilli() - started.toEpochMilli());
        }
        return run;
    }

    private void purgeFolders(Instant now, Map<String, Integer> removed) {
        var periods = properties.folders();
        removed.put("filedrop_processed", FolderPurge.olderThan(folders.filedropProcessed(),
                now.minus(periods.filedropProcessed())));
        removed.put("filedrop_error", FolderPurge.olderThan(folders.filedropError(), now.minus(periods.filedropError())));
        removed.put("authority_outbox", FolderPurge.confirmedBefore(folders.authorityOutbox(),
                now.minus(periods.authorityOutbox()), folders.confirmedAt()));
        removed.put("confirmations", FolderPurge.olderThan(folders.confirmationsProcessed(),
                now.minus(periods.confirmations()))
                + FolderPurge.olderThan(folders.confirmationsError(), now.minus(periods.confirmations())));
    }

    private boolean stillHeld() {
        return lease.renew(clock.instant().plus(properties.lease()));
    }

    private void measureParkedMessages(Instant now) {
        try {
            parkedMessages.measure(now);
        } catch (Exception failure) {
            log.warn("Dead-letter queues not measured: {}", failure.getClass().getSimpleName());
        }
    }

    private void count(String outcome) {
        Counter.builder("nav.retention.runs").description("Retention purge runs, by outcome")
                .tag("outcome", outcome).register(meters).increment();
    }
}
