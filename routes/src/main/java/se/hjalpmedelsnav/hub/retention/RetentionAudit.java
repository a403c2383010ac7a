package se.hjalpmedelsnav.hub.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import se.hjalpmedelsnav.hub.admin.ParkedMessage;

/**
 * The purge's own records: each run with its counts ({@code retention_run}) and each step it took on a parked
 * message ({@code retention_audit}). References, counts and times only.
 */
public class RetentionAudit {

    public static final String ALERTED = "ALERTED";
    public static final String EXPIRED = "EXPIRED";

    private static final int REASON_LENGTH = 500;

    private final JdbcTemplate jdbc;

    public RetentionAudit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One step on a parked message, as operators read it in the audit trail. */
    public record Step(String id, OffsetDateTime auditedAt, String action, String deadLetterQueue, String targetQueue,
            String jmsMessageId, OffsetDateTime parkedAt, Boolean bodyKept, String originQueue, String hubReference,
            String kommunCode, String messageId, String failedStage, String failureReason) {
    }

    /** One purge run: which hub, when, what it removed per store, and what stopped it if it failed. */
    public record Run(String id, String holder, OffsetDateTime startedAt, OffsetDateTime finishedAt, String outcome,
            Map<String, Integer> removed, String problem) {
    }

    public void recordStep(String action, ParkedMessage parked, String targetQueue, Boolean bodyKept, Instant at) {
        jdbc.update("""
                insert into retention_audit (id, audited_at, action, dead_letter_queue, target_queue, jms_message_id,
                    parked_at, body_kept, origin_queue, hub_reference, kommun_code, message_id, failed_stage,
                    failure_reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                UUID.randomUUID().toString(), Timestamp.from(at), action, parked.deadLetterQueue(), targetQueue,
                parked.jmsMessageId(), parked.parkedAt() == null ? null : Timestamp.from(parked.parkedAt().toInstant()),
                bodyKept, parked.originQueue(), parked.hubReference(), parked.kommunCode(), parked.messageId(),
                parked.failedStage(), truncate(parked.failureReason()));
    }

    /** When the alert of that parked message was raised, or null when it was not. */
    public Instant alertedAt(String jmsMessageId) {
        List<Timestamp> at = jdbc.queryForList("select audited_at from retention_audit where jms_message_id = ? "
                + "and action = ? order by audited_at", Timestamp.class, jmsMessageId, ALERTED);
        return at.isEmpty() ? null : at.get(0).toInstant();
    }

    /** The newest steps first; only those of one hub reference when it is given. */
    public List<Step> steps(String hubReference, int limit) {
        int rows = Math.max(1, Math.min(limit, 1000));
        return hubReference == null
                ? jdbc.query("select * from retention_audit order by audited_at desc limit ?", RetentionAudit::step, rows)
                : jdbc.query("select * from retention_audit where hub_reference = ? order by audited_at desc limit ?",
                        RetentionAudit::step, hubReference, rows);
    }

    public void recordRun(Run run) {
        jdbc.update("insert into retention_run (id, holder, started_at, finished_at, outcome, removed, problem) "
                + "values (?, ?, ?, ?, ?, ?, ?)", run.id(), run.holder(), Timestamp.from(run.startedAt().toInstant()),
                Timestamp.from(run.finishedAt().toInstant()), run.outcome(), counts(run.removed()),
                truncate(run.problem()));
    }

    /** The newest runs of any hub first. */
    public List<Run> runs(int limit) {
        return jdbc.query("select * from retention_run order by started_at desc limit ?", RetentionAudit::run,
                Math.max(1, Math.min(limit, 100)));
    }

    /** {@code store=count,store=count}: store names and numbers only. */
    static String counts(Map<String, Integer> removed) {
        var text = new StringBuilder();
        removed.forEach((store, count) -> text.append(text.isEmpty() ? "" : ",").append(store).append('=').append(count));
        return text.toString();
    }

    static Map<String, Integer> counts(String text) {
        Map<String, Integer> removed = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            for (String pair : text.split(",")) {
                String[] storeAndCount = pair.split("=", 2);
                removed.put(storeAndCount[0], Integer.valueOf(storeAndCount[1]));
            }
        }
        return removed;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= REASON_LENGTH ? text : text.substring(0, REASON_LENGTH);
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant().atOffset(ZoneOffset.UTC);
    }

    private static Step step(ResultSet rs, int n) throws SQLException {
        Boolean bodyKept = rs.getBoolean("body_kept");
        bodyKept = rs.wasNull() ? null : bodyKept;
        return new Step(rs.getString("id"), time(rs, "audited_at"), rs.getString("action"),
                rs.getString("dead_letter_queue"), rs.getString("target_queue"), rs.getString("jms_message_id"),
                time(rs, "parked_at"), bodyKept, rs.getString("origin_queue"),
                rs.getString("hub_reference"), rs.getString("kommun_code"), rs.getString("message_id"),
                rs.getString("failed_stage"), rs.getString("failure_reason"));
    }

    private static Run run(ResultSet rs, int n) throws SQLException {
        return new Run(rs.getString("id"), rs.getString("holder"), time(rs, "started_at"), time(rs, "finished_at"),
                rs.getString("outcome"), counts(rs.getString("removed")), rs.getString("problem"));
    }
}
