package se.hjalpmedelsnav.hub.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The audit trail of replays (table {@code replay_audit}). */
@Repository
public class ReplayAudit {

    private final JdbcTemplate jdbc;

    public ReplayAudit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(ReplayRecord replay) {
        jdbc.update("""
                insert into replay_audit (id, replayed_at, replayed_by, via, dead_letter_queue, target_queue,
                    hub_reference, kommun_code, message_id, failed_stage, failure_reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                replay.id(), Timestamp.from(replay.replayedAt().toInstant()), replay.replayedBy(), replay.via(),
                replay.deadLetterQueue(), replay.targetQueue(), replay.hubReference(), replay.kommunCode(),
                replay.messageId(), replay.failedStage(), replay.failureReason());
    }

    /** The newest replays first; only those of one hub reference when it is given. */
    public List<ReplayRecord> recent(String hubReference, int limit) {
        int rows = Math.max(1, Math.min(limit, 1000));
        if (hubReference != null) {
            return jdbc.query("select * from replay_audit where hub_reference = ? order by replayed_at desc limit ?",
                    ReplayAudit::row, hubReference, rows);
        }
        return jdbc.query("select * from replay_audit order by replayed_at desc limit ?", ReplayAudit::row, rows);
    }

    private static ReplayRecord row(ResultSet rs, int rowNum) throws SQLException {
        return new ReplayRecord(rs.getString("id"),
                rs.getTimestamp("replayed_at").toInstant().atOffset(ZoneOffset.UTC), rs.getString("replayed_by"),
                rs.getString("via"), rs.getString("dead_letter_queue"), rs.getString("target_queue"),
                rs.getString("hub_reference"), rs.getString("kommun_code"), rs.getString("message_id"),
                rs.getString("failed_stage"), rs.getString("failure_reason"));
    }
}
