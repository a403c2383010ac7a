package se.hjalpmedelsnav.hub.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import se.hjalpmedelsnav.hub.tracking.TrackingStatus;

/**
 * Traffic per municipality from the tracking store: one aggregate over the messages received since the start of the
 * longer window (the index on {@code received_at}), one over the supplier events passed on, and the rejected
 * messages' receipts for their error codes. References and codes only, as the store holds.
 */
@Repository
class TrafficStore {

    /** Statuses of a message that left the hub: every status but those before or instead of the hand-off. */
    static final EnumSet<TrackingStatus> HANDED_ON = EnumSet.complementOf(
            EnumSet.of(TrackingStatus.ACCEPTED, TrackingStatus.REJECTED, TrackingStatus.PARKED));

    /** A flood of refusals is counted up to this many receipts per window; the counts above stay exact. */
    static final int MAX_REJECTED_RECEIPTS_READ = 20_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    TrafficStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What each municipality sent since {@code longSince}, and of it since {@code shortSince}. */
    Map<String, Windows> since(Instant shortSince, Instant longSince) {
        String handedOn = HANDED_ON.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
        Timestamp recent = Timestamp.from(shortSince);
        Timestamp day = Timestamp.from(longSince);
        Map<String, Counts> messages = new HashMap<>();
        jdbc.query("""
                select kommun_code,
                    count(*) as received,
                    sum(case when status <> 'REJECTED' then 1 else 0 end) as accepted,
                    sum(case when status = 'REJECTED' then 1 else 0 end) as rejected,
                    sum(case when status in (%1$s) then 1 else 0 end) as delivered,
                    sum(case when received_at >= ? then 1 else 0 end) as received_recent,
                    sum(case when received_at >= ? and status <> 'REJECTED' then 1 else 0 end) as accepted_recent,
                    sum(case when received_at >= ? and status = 'REJECTED' then 1 else 0 end) as rejected_recent,
                    sum(case when received_at >= ? and status in (%1$s) then 1 else 0 end) as delivered_recent,
                    max(received_at) as last_received
                from tracked_message where received_at >= ? group by kommun_code""".formatted(handedOn),
                rs -> {
                    messages.put(rs.getString("kommun_code"), new Counts(
                            rs.getLong("received"), rs.getLong("accepted"), rs.getLong("rejected"),
                            rs.getLong("delivered"), rs.getLong("received_recent"), rs.getLong("accepted_recent"),
                            rs.getLong("rejected_recent"), rs.getLong("delivered_recent"),
                            rs.getTimestamp("last_received").toInstant()));
                }, recent, recent, recent, recent, day);

        Map<String, long[]> events = new HashMap<>();
        jdbc.query("""
                select t.kommun_code, count(*) as events,
                    sum(case when e.received_at >= ? then 1 else 0 end) as events_recent
                from supplier_event e join tracked_message t on t.hub_reference = e.hub_reference
                where e.received_at >= ? group by t.kommun_code""",
                rs -> {
                    events.put(rs.getString("kommun_code"),
                            new long[] {rs.getLong("events"), rs.getLong("events_recent")});
                }, recent, day);

        Map<String, Map<String, Long>> codesDay = new HashMap<>();
        Map<String, Map<String, Long>> codesRecent = new HashMap<>();
        jdbc.query("""
                select kommun_code, received_at, receipt from tracked_message
                where status = 'REJECTED' and received_at >= ? order by received_at desc limit ?""",
                rs -> {
                    List<String> codes = errorCodes(rs.getString("receipt"));
                    String kommun = rs.getString("kommun_code");
                    boolean isRecent = !rs.getTimestamp("received_at").before(recent);
                    for (String code : codes) {
                        codesDay.computeIfAbsent(kommun, k -> new TreeMap<>()).merge(code, 1L, Long::sum);
                        if (isRecent) {
                            codesRecent.computeIfAbsent(kommun, k -> new TreeMap<>()).merge(code, 1L, Long::sum);
                        }
                    }
                }, day, MAX_REJECTED_RECEIPTS_READ);

        Map<String, Windows> result = new HashMap<>();
        var kommuner = new java.util.TreeSet<String>(messages.keySet());
        kommuner.addAll(events.keySet());
        for (String kommun : kommuner) {
            Counts c = messages.get(kommun);
            long[] e = events.getOrDefault(kommun, new long[2]);
            Traffic dayTraffic = c == null ? new Traffic(0, 0, 0, Map.of(), 0, e[0])
                    : new Traffic(c.received, c.accepted, c.rejected, codesDay.getOrDefault(kommun, Map.of()),
                            c.delivered, e[0]);
            Traffic recentTraffic = c == null ? new Traffic(0, 0, 0, Map.of(), 0, e[1])
                    : new Traffic(c.receivedRecent, c.acceptedRecent, c.rejectedRecent,
                            codesRecent.getOrDefault(kommun, Map.of()), c.deliveredRecent, e[1]);
            result.put(kommun, new Windows(recentTraffic, dayTraffic, c == null ? null : c.lastReceived));
        }
        return result;
    }

    /** When the municipality's newest message came, however long ago (the index on kommun_code, received_at). */
    Optional<Instant> lastReceived(String kommunCode) {
        Timestamp last = jdbc.queryForObject("select max(received_at) from tracked_message where kommun_code = ?",
                Timestamp.class, kommunCode);
        return Optional.ofNullable(last).map(Timestamp::toInstant);
    }

    /** The codes of a receipt's errors, each once, in order; none when the receipt cannot be read. */
    static List<String> errorCodes(String receiptJson) {
        List<String> codes = new ArrayList<>();
        try {
            JsonNode errors = JSON.readTree(receiptJson).path("errors");
            for (JsonNode error : errors) {
                String code = error.path("code").asText("");
                if (!code.isEmpty() && !codes.contains(code)) {
                    codes.add(code);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // The hub wrote every receipt itself; one it cannot read counts as rejected without a code.
        }
        return codes;
    }

    /** A municipality's traffic in the short and the long window, and its newest message in the long one. */
    record Windows(Traffic recent, Traffic day, Instant lastReceived) {
    }

    private record Counts(long received, long accepted, long rejected, long delivered, long receivedRecent,
            long acceptedRecent, long rejectedRecent, long deliveredRecent, Instant lastReceived) {
    }
}
