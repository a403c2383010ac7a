package se.hjalpmedelsnav.hub.retention;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database side of the purge: for each table, rows past their period are deleted in batches, each one
 * statement in a transaction of its own, so the pipeline never waits long on a row lock and a run stopped
 * half-way has removed whole batches. The statement repeats its condition on the rows it deletes: a row that
 * changed since it was picked (a late supplier event on an old message) stays. Two purges deleting at once
 * remove each row once: a row the other one deleted is no longer there to count.
 */
public class DatabasePurge {

    /**
     * One table: what the rows are called in counts and metrics, its key, the condition of a row past its period
     * (every {@code ?} is the cutoff), and its period.
     */
    record Table(String store, String key, String pastPeriod, Function<RetentionProperties.Tables, Duration> period) {
    }

    static final List<Table> TABLES = List.of(
            // The idempotency window counts from the message's last change: a message still moving stays.
            new Table("tracked_message", "hub_reference", "received_at < ? and updated_at < ?",
                    RetentionProperties.Tables::trackedMessages),
            new Table("supplier_event", "event_id", "received_at < ?", RetentionProperties.Tables::supplierEvents),
            new Table("camel_messageprocessed", "processorName, messageId", "createdAt < ?",
                    RetentionProperties.Tables::statusFilesRead),
            // An unconfirmed report is never removed, however old.
            new Table("incident_report", "hub_reference", "confirmed_at is not null and confirmed_at < ?",
                    RetentionProperties.Tables::confirmedIncidentReports),
            new Table("replay_audit", "id", "replayed_at < ?", RetentionProperties.Tables::replayAudit),
            new Table("retention_audit", "id", "audited_at < ?", RetentionProperties.Tables::retentionAudit),
            new Table("retention_run", "id", "started_at < ?", RetentionProperties.Tables::retentionAudit),
            // A lent device's loan stays, however old; an ended one goes a period after it ended.
            new Table("loan", "kommun_code, device_id, hub_reference", "state <> 'LENT' and ended_at < ?",
                    RetentionProperties.Tables::endedLoans),
            // What a loan was lent from stays while a loan on it is lent (a replacement reads it).
            new Table("loan_origin", "hub_reference", "recorded_at < ? and not exists (select 1 from loan l "
                    + "where l.hub_reference = loan_origin.hub_reference and l.state = 'LENT')",
                    RetentionProperties.Tables::loanOrigins),
            // An unsent reminder stays until the job has sent it.
            new Table("loan_reminder", "id", "sent_at is not null and sent_at < ?",
                    RetentionProperties.Tables::sentReminders));

    private final JdbcTemplate jdbc;
    private final RetentionProperties properties;

    public DatabasePurge(JdbcTemplate jdbc, RetentionProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Deletes what is past its period at {@code now}, per table at most {@code maxBatches} batches; stops early
     * when {@code keepGoing} says so (the lease is lost). The rows removed, per table, go into {@code removed} as
     * each table is done, so that a run that fails on one still reports the others.
     */
    public Map<String, Integer> purge(Instant now, BooleanSupplier keepGoing) {
        return purge(now, keepGoing, new LinkedHashMap<>());
    }

    public Map<String, Integer> purge(Instant now, BooleanSupplier keepGoing, Map<String, Integer> removed) {
        for (Table table : TABLES) {
            Timestamp cutoff = Timestamp.from(now.minus(table.period().apply(properties.tables())));
            removed.put(table.store(), purge(table, cutoff, keepGoing));
        }
        return removed;
    }

    private int purge(Table table, Timestamp cutoff, BooleanSupplier keepGoing) {
        String key = table.key().contains(",") ? "(" + table.key() + ")" : table.key();
        String sql = "delete from " + table.store() + " where " + key + " in (select " + table.key()
                + " from " + table.store() + " where " + table.pastPeriod() + " limit " + properties.batchSize()
                + ") and " + table.pastPeriod();
        int cutoffs = 2 * (int) table.pastPeriod().chars().filter(c -> c == '?').count();
        Object[] arguments = new Object[cutoffs];
        java.util.Arrays.fill(arguments, cutoff);
        int removed = 0;
        for (int batch = 0; batch < properties.maxBatches() && keepGoing.getAsBoolean(); batch++) {
            int deleted = jdbc.update(sql, arguments);
            removed += deleted;
            if (deleted == 0) {
                break;
            }
        }
        return removed;
    }
}
