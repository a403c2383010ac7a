package se.hjalpmedelsnav.hub.loans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * The reminders the hub decided and sent ({@code loan_reminder}, Flyway {@code V15__loan_reminders.sql}): an outbox.
 * {@link #decide} writes each reminder that has come due as a row, unsent; the unique key (kind, municipality, order,
 * due date) lets one hub and one run write it, whichever comes first, and no other. The job then sends each unsent row
 * and marks it sent ({@link #markSent}). References, dates and device ids only.
 */
@Repository
public class LoanReminders {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> DEVICE_IDS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final LoanRegister register;

    public LoanReminders(JdbcTemplate jdbc, LoanRegister register) {
        this.jdbc = jdbc;
        this.register = register;
    }

    /**
     * One reminder as recorded.
     *
     * @param sentAt null while it waits to be sent
     */
    public record Recorded(String id, String kind, String kommunCode, String hubReference, String decisionReference,
            List<String> deviceIds, LocalDate dueDate, OffsetDateTime decidedAt, OffsetDateTime sentAt) {

        public Recorded {
            deviceIds = List.copyOf(deviceIds);
        }

        /** The broker's duplicate id of its send: the same for every send of this row, by any hub. */
        public String brokerDuplicateId() {
            return "loan-reminder:" + id;
        }
    }

    /**
     * Records, unsent, every reminder due on {@code today}: FOLLOW_UP_DUE for the loans whose follow-up date has come,
     * RETURN_DUE for those still lent after their decision's validTo; one per order and date, with the devices of
     * that order that have it. A reminder recorded before (by this hub or another) is left alone. Returns how many
     * are new.
     */
    public int decide(LocalDate today, OffsetDateTime now) {
        int added = 0;
        for (Recorded due : group(LoanReminder.FOLLOW_UP_DUE, register.followUpsDue(today), Loan::followUpDate, now)) {
            added += insertIfAbsent(due);
        }
        for (Recorded due : group(LoanReminder.RETURN_DUE, register.returnsDue(today), Loan::validTo, now)) {
            added += insertIfAbsent(due);
        }
        return added;
    }

    /** The reminders recorded and not sent yet, oldest first, at most {@code limit}. */
    public List<Recorded> unsent(int limit) {
        return jdbc.query("select * from loan_reminder where sent_at is null order by decided_at, id limit ?",
                LoanReminders::recorded, limit);
    }

    /** Marks a reminder sent; false when it was marked before (another hub's send of the same row). */
    public boolean markSent(String id, OffsetDateTime at, String by) {
        return jdbc.update("update loan_reminder set sent_at = ?, sent_by = ? where id = ? and sent_at is null",
                Timestamp.from(at.toInstant()), by, id) == 1;
    }

    /** The reminders recorded, newest first, sent or waiting, at most {@code limit}. */
    public List<Recorded> recent(int limit) {
        return jdbc.query("select * from loan_reminder order by decided_at desc, id limit ?", LoanReminders::recorded,
                limit);
    }

    private static List<Recorded> group(String kind, List<Loan> loans,
            java.util.function.Function<Loan, LocalDate> dueDate, OffsetDateTime now) {
        Map<List<Object>, Recorded> byOrderAndDate = new LinkedHashMap<>();
        for (Loan loan : loans) {
            LocalDate due = dueDate.apply(loan);
            List<Object> key = List.of(loan.kommunCode(), loan.hubReference(), due);
            Recorded before = byOrderAndDate.get(key);
            List<String> devices = before == null ? List.of(loan.deviceId())
                    : java.util.stream.Stream.concat(before.deviceIds().stream(), java.util.stream.Stream.of(
                            loan.deviceId())).toList();
            byOrderAndDate.put(key, new Recorded(UUID.randomUUID().toString(), kind, loan.kommunCode(),
                    loan.hubReference(), loan.decisionReference(), devices, due, now, null));
        }
        return List.copyOf(byOrderAndDate.values());
    }

    private int insertIfAbsent(Recorded reminder) {
        return jdbc.update("""
                insert into loan_reminder (id, kind, kommun_code, hub_reference, decision_reference, due_date,
                    device_ids, decided_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                reminder.id(), reminder.kind(), reminder.kommunCode(), reminder.hubReference(),
                reminder.decisionReference(), Date.valueOf(reminder.dueDate()), json(reminder.deviceIds()),
                Timestamp.from(reminder.decidedAt().toInstant()));
    }

    private static String json(List<String> deviceIds) {
        try {
            return JSON.writeValueAsString(deviceIds);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a reminder's device ids", e);
        }
    }

    private static Recorded recorded(ResultSet rs, int n) throws SQLException {
        List<String> deviceIds;
        try {
            deviceIds = JSON.readValue(rs.getString("device_ids"), DEVICE_IDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a reminder's device ids in the database cannot be read", e);
        }
        Timestamp sent = rs.getTimestamp("sent_at");
        return new Recorded(rs.getString("id"), rs.getString("kind"), rs.getString("kommun_code"),
                rs.getString("hub_reference"), rs.getString("decision_reference"), deviceIds,
                rs.getDate("due_date").toLocalDate(), swedish(rs.getTimestamp("decided_at")), swedish(sent));
    }

    private static OffsetDateTime swedish(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().atZone(RuleContext.SWEDISH_TIME).toOffsetDateTime();
    }
}
