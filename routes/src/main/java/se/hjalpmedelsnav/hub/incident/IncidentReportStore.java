package se.hjalpmedelsnav.hub.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The tracking of incident reports: one row per report from its acceptance until Läkemedelsverket
 * confirms it. Every change that must happen once is a conditional update, so two hub instances (or a
 * redelivery) cannot do it twice.
 */
@Repository
public class IncidentReportStore {

    private final JdbcTemplate jdbc;

    public IncidentReportStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts tracking a report; false when it is tracked already (a redelivery or a copy). */
    public boolean trackIfAbsent(String hubReference, String kommunCode, String messageId, String consequence,
            OffsetDateTime acceptedAt, OffsetDateTime dueAt) {
        if (find(hubReference).isPresent()) {
            return false;
        }
        try {
            jdbc.update("""
                    insert into incident_report (hub_reference, kommun_code, message_id, consequence, accepted_at,
                        due_at) values (?, ?, ?, ?, ?, ?)""",
                    hubReference, kommunCode, messageId, consequence, timestamp(acceptedAt), timestamp(dueAt));
            return true;
        } catch (DuplicateKeyException concurrently) {
            return false;
        }
    }

    public Optional<IncidentReportRecord> find(String hubReference) {
        return jdbc.query("select * from incident_report where hub_reference = ?", IncidentReportStore::row,
                hubReference).stream().findFirst();
    }

    /** Records the delivery to the authority channel, the first time only. */
    public boolean markSent(String hubReference, OffsetDateTime at) {
        return jdbc.update("update incident_report set sent_at = ? where hub_reference = ? and sent_at is null",
                timestamp(at), hubReference) == 1;
    }

    /** Records the delivery of the manufacturer's copy, the first time only. */
    public boolean markManufacturerSent(String hubReference, OffsetDateTime at) {
        return jdbc.update("update incident_report set manufacturer_sent_at = ? where hub_reference = ? "
                + "and manufacturer_sent_at is null", timestamp(at), hubReference) == 1;
    }

    /** Records Läkemedelsverket's confirmation; false when the report was confirmed already (or is unknown). */
    public boolean confirm(String hubReference, String authorityReference, OffsetDateTime at) {
        return jdbc.update("update incident_report set confirmed_at = ?, authority_reference = ? "
                + "where hub_reference = ? and confirmed_at is null", timestamp(at), authorityReference,
                hubReference) == 1;
    }

    /** Unconfirmed reports past their deadline that have not raised their alert yet, oldest deadline first. */
    public List<IncidentReportRecord> overdueWithoutAlert(OffsetDateTime now, int limit) {
        return jdbc.query("select * from incident_report where confirmed_at is null and alert_raised_at is null "
                + "and due_at <= ? order by due_at limit " + Math.max(1, Math.min(limit, 1000)),
                IncidentReportStore::row, timestamp(now));
    }

    /** Marks the deadline alert raised; false when it was raised already or the report is confirmed now. */
    public boolean markAlertRaised(String hubReference, OffsetDateTime at) {
        return jdbc.update("update incident_report set alert_raised_at = ? where hub_reference = ? "
                + "and alert_raised_at is null and confirmed_at is null", timestamp(at), hubReference) == 1;
    }

    /** Reports, newest first, optionally of one municipality and only the unconfirmed. */
    public List<IncidentReportRecord> search(String kommunCode, boolean unconfirmedOnly, int limit) {
        var sql = new StringBuilder("select * from incident_report where 1 = 1");
        var args = new ArrayList<Object>();
        if (kommunCode != null) {
            sql.append(" and kommun_code = ?");
            args.add(kommunCode);
        }
        if (unconfirmedOnly) {
            sql.append(" and confirmed_at is null");
        }
        sql.append(" order by accepted_at desc limit ").append(Math.max(1, Math.min(limit, 500)));
        return jdbc.query(sql.toString(), IncidentReportStore::row, args.toArray());
    }

    private static Timestamp timestamp(OffsetDateTime at) {
        return Timestamp.from(at.toInstant());
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant().atOffset(ZoneOffset.UTC);
    }

    private static IncidentReportRecord row(ResultSet rs, int n) throws SQLException {
        return new IncidentReportRecord(rs.getString("hub_reference"), rs.getString("kommun_code"),
                rs.getString("message_id"), rs.getString("consequence"), time(rs, "accepted_at"),
                time(rs, "due_at"), time(rs, "sent_at"), time(rs, "manufacturer_sent_at"), time(rs, "confirmed_at"),
                rs.getString("authority_reference"), time(rs, "alert_raised_at"));
    }
}
