package se.hjalpmedelsnav.hub.alert;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The alerts' reads of the tracking store and the incident reports: aggregates and references only. Each read keeps to
 * an index: {@code (kommun_code, received_at)} for a newest message, {@code received_at} for a window, {@code status}
 * for what is still waiting for the supplier, {@code due_at} for incident reports.
 */
@Repository
class AlertStore {

    private final JdbcTemplate jdbc;

    AlertStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The municipality's newest message, however old. */
    Optional<Instant> lastReceived(String kommunCode) {
        Timestamp last = jdbc.queryForObject("select max(received_at) from tracked_message where kommun_code = ?",
                Timestamp.class, kommunCode);
        return Optional.ofNullable(last).map(Timestamp::toInstant);
    }

    /** Per municipality, the hours (their start) in which it sent at least one message since {@code since}. */
    Map<String, List<Instant>> hoursSent(Instant since) {
        Map<String, List<Instant>> hours = new HashMap<>();
        jdbc.query("""
                select kommun_code, floor(extract(epoch from received_at) / 3600) as hour_bucket
                from tracked_message where received_at >= ?
                group by kommun_code, floor(extract(epoch from received_at) / 3600)""",
                rs -> {
                    hours.computeIfAbsent(rs.getString("kommun_code"), k -> new ArrayList<>())
                            .add(Instant.ofEpochSecond(rs.getLong("hour_bucket") * 3600));
                }, Timestamp.from(since));
        return hours;
    }

    /** Per municipality, messages received in {@code [from, to)} and of them rejected. */
    Map<String, Counts> received(Instant from, Instant to) {
        Map<String, Counts> counts = new HashMap<>();
        jdbc.query("""
                select kommun_code, count(*) as received,
                    sum(case when status = 'REJECTED' then 1 else 0 end) as rejected
                from tracked_message where received_at >= ? and received_at < ? group by kommun_code""",
                rs -> {
                    counts.put(rs.getString("kommun_code"), new Counts(rs.getLong("received"), rs.getLong("rejected")));
                }, Timestamp.from(from), Timestamp.from(to));
        return counts;
    }

    /**
     * Messages of {@code messageType} still in one of {@code statuses}, received before {@code before}, the oldest
     * first, at most {@code limit}.
     */
    List<Waiting> waiting(String messageType, Collection<String> statuses, Instant before, int limit) {
        String in = statuses.stream().map(s -> "?").collect(Collectors.joining(", "));
        List<Object> args = new ArrayList<>(statuses);
        args.add(messageType);
        args.add(Timestamp.from(before));
        args.add(limit);
        return jdbc.query("""
                select hub_reference, kommun_code, status, received_at from tracked_message
                where status in (%s) and message_type = ? and received_at < ?
                order by received_at limit ?""".formatted(in),
                (rs, n) -> new Waiting(rs.getString("hub_reference"), rs.getString("kommun_code"),
                        rs.getString("status"), rs.getTimestamp("received_at").toInstant()),
                args.toArray());
    }

    /** Unconfirmed incident reports past their due time, per municipality: how many, and the oldest's references. */
    List<Waiting> overdueIncidentReports(Instant now, int limit) {
        return jdbc.query("""
                select hub_reference, kommun_code, due_at from incident_report
                where confirmed_at is null and due_at < ? order by due_at limit ?""",
                (rs, n) -> new Waiting(rs.getString("hub_reference"), rs.getString("kommun_code"), "OVERDUE",
                        rs.getTimestamp("due_at").toInstant()),
                Timestamp.from(now), limit);
    }

    record Counts(long received, long rejected) {
        double rejectedShare() {
            return received == 0 ? 0 : (double) rejected / received;
        }
    }

    /** A message (or report) still waiting: {@code at} is when it was received (a report: when it was due). */
    record Waiting(String hubReference, String kommunCode, String status, Instant at) {
    }
}
