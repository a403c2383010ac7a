package se.hjalpmedelsnav.hub.console;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import se.hjalpmedelsnav.hub.tracking.TrackingStatus;

/**
 * One message's way through the hub, read from what the stores keep: its row in {@code tracked_message} (received,
 * the receipt, the hand-off to the supplier, a parked message), the supplier's events in {@code supplier_event}, and
 * an incident report's channels in {@code incident_report}. Steps in the order they happened; each with a code, a
 * status, a channel or the authority's reference as its detail, never a body or a person's data.
 */
@Repository
public class MessageJourney {

    private final JdbcTemplate jdbc;

    public MessageJourney(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What the Journey page shows; empty for a hub reference the hub does not know (or no longer keeps). */
    public Optional<Journey> of(String hubReference) {
        List<Journey> found = jdbc.query("""
                select hub_reference, kommun_code, message_id, message_type, status, receipt, received_at, updated_at,
                    handed_to_supplier_at, supplier_channel
                from tracked_message where hub_reference = ?""", (rs, n) -> {
            List<Step> steps = new ArrayList<>();
            OffsetDateTime received = at(rs.getTimestamp("received_at"));
            String status = rs.getString("status");
            steps.add(new Step("RECEIVED", received, rs.getString("message_type")));
            List<String> codes = TrafficStore.errorCodes(rs.getString("receipt"));
            steps.add(new Step("RECEIPT", received, TrackingStatus.REJECTED.name().equals(status) || !codes.isEmpty()
                    ? String.join(" ", prepend("REJECTED", codes)) : "ACCEPTED"));
            if (rs.getTimestamp("handed_to_supplier_at") != null) {
                steps.add(new Step("HANDED_TO_SUPPLIER", at(rs.getTimestamp("handed_to_supplier_at")),
                        rs.getString("supplier_channel")));
            }
            if (TrackingStatus.PARKED.name().equals(status)) {
                steps.add(new Step("PARKED", at(rs.getTimestamp("updated_at")), status));
            }
            if (TrackingStatus.REJECTED_BY_SUPPLIER.name().equals(status)) {
                // The API's refusal is an answer, not an event: only the status and its time record it.
                steps.add(new Step("SUPPLIER_ANSWER", at(rs.getTimestamp("updated_at")), status));
            }
            return new Journey(rs.getString("hub_reference"), rs.getString("kommun_code"), rs.getString("message_id"),
                    rs.getString("message_type"), status, steps);
        }, hubReference);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Journey journey = found.get(0);
        List<Step> steps = new ArrayList<>(journey.steps());
        List<Step> events = jdbc.query("""
                select status, received_at from supplier_event where hub_reference = ?
                order by received_at, event_id""",
                (rs, n) -> new Step("SUPPLIER_EVENT", at(rs.getTimestamp("received_at")), rs.getString("status")),
                hubReference);
        if (events.stream().anyMatch(e -> e.detail().equals(TrackingStatus.REJECTED_BY_SUPPLIER.name()))) {
            steps.removeIf(step -> step.step().equals("SUPPLIER_ANSWER"));
        }
        steps.addAll(events);
        jdbc.query("""
                select sent_at, manufacturer_sent_at, confirmed_at, authority_reference
                from incident_report where hub_reference = ?""", rs -> {
            if (rs.getTimestamp("sent_at") != null) {
                steps.add(new Step("SENT_TO_AUTHORITY", at(rs.getTimestamp("sent_at")), "LAKEMEDELSVERKET"));
            }
            if (rs.getTimestamp("manufacturer_sent_at") != null) {
                steps.add(new Step("MANUFACTURER_COPY_SENT", at(rs.getTimestamp("manufacturer_sent_at")),
                        "MANUFACTURER"));
            }
            if (rs.getTimestamp("confirmed_at") != null) {
                steps.add(new Step("AUTHORITY_CONFIRMED", at(rs.getTimestamp("confirmed_at")),
                        rs.getString("authority_reference")));
            }
        }, hubReference);
        // Stable: steps at the same instant keep the order they were added in (received before its receipt).
        steps.sort(Comparator.comparing(step -> step.at().toInstant()));
        return Optional.of(new Journey(journey.hubReference(), journey.kommunCode(), journey.messageId(),
                journey.messageType(), journey.status(), List.copyOf(steps)));
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static OffsetDateTime at(java.sql.Timestamp time) {
        return time.toInstant().atOffset(ZoneOffset.UTC);
    }

    /** A message and its steps; {@code status} is where it stands now. */
    public record Journey(String hubReference, String kommunCode, String messageId, String messageType, String status,
            List<Step> steps) {
    }

    /** One step: what happened ({@code RECEIVED}, {@code SUPPLIER_EVENT}, …), when, and its code, status or channel. */
    public record Step(String step, OffsetDateTime at, String detail) {
    }
}
