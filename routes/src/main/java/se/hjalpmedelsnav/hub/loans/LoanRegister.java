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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import se.hjalpmedelsnav.mappings.loans.LentLoans;
import se.hjalpmedelsnav.mappings.registry.ProductArea;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * The loan register: per municipality, which device is lent on which order, under which decision, since when, in
 * which state; the user only as a {@link UserPseudonym}. In the hub's database (Flyway {@code V14__loans.sql}), so
 * it survives restarts and is shared by every hub on that database.
 *
 * <p>Every write is idempotent, so a supplier event delivered or handled twice, by one hub or two, changes nothing
 * the second time: a loan is one row per (municipality, device, order), inserted only if absent, and a loan is
 * ended only while it is {@link LoanState#LENT}. The writes of one event commit together.
 *
 * <p>What a reminder or a buffer-store hand-out uses: {@link #lend} (a device handed out on an order the register
 * knows the origin of, {@link #recordOrigin}), {@link #end}, {@link #find}, {@link #followUpsDue} and
 * {@link #returnsDue}.
 */
@Repository
public class LoanRegister implements LentLoans {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<LoanOrigin.Line>> LINES = new TypeReference<>() { };
    private static final TypeReference<List<String>> DEVICE_IDS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate oneTransaction;

    public LoanRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.oneTransaction = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    }

    /** Keeps what the loans of an accepted message will need; a second record of the same hub reference is ignored. */
    public void recordOrigin(LoanOrigin origin, OffsetDateTime at) {
        jdbc.update("""
                insert into loan_origin (hub_reference, kommun_code, message_type, customer_number, decision_reference,
                    user_pseudonym, valid_to, follow_up_date, articles, device_ids, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                origin.hubReference(), origin.kommunCode(), origin.messageType(), origin.customerNumber(),
                origin.decisionReference(), origin.userPseudonym(), date(origin.validTo()),
                date(origin.followUpDate()), json(origin.articles()), json(origin.deviceIds()),
                timestamp(at));
    }

    public Optional<LoanOrigin> origin(String hubReference) {
        return jdbc.query("select * from loan_origin where hub_reference = ?", LoanRegister::origin, hubReference)
                .stream().findFirst();
    }

    /**
     * Lends {@code deviceIds}, delivered on the order {@code hubReference} of {@code kommunCode}, from {@code since}:
     * with the decision, dates, articles and user its origin recorded, or only the customer number when no origin
     * was recorded (an order accepted before the register existed). Returns how many loans are new. A loan whose
     * order gave no follow-up date is followed up {@link ProductArea#DEFAULT_FOLLOW_UP_MONTHS} months after delivery.
     */
    public int lend(String kommunCode, String hubReference, String customerNumber, List<String> deviceIds,
            OffsetDateTime since) {
        return lend(kommunCode, hubReference, customerNumber, deviceIds, since,
                article -> ProductArea.DEFAULT_FOLLOW_UP_MONTHS);
    }

    /**
     * As {@link #lend(String, String, String, List, OffsetDateTime)}; a loan whose order gave no follow-up date is
     * followed up {@code followUpMonths} of its article after delivery (the product area's interval in the registry).
     */
    public int lend(String kommunCode, String hubReference, String customerNumber, List<String> deviceIds,
            OffsetDateTime since, ToIntFunction<String> followUpMonths) {
        Optional<LoanOrigin> origin = origin(hubReference);
        List<String> articles = origin.map(known -> known.articlesOf(deviceIds))
                .orElseGet(() -> deviceIds.stream().map(device -> (String) null).toList());
        return inOneTransaction(() -> {
            int added = 0;
            for (int i = 0; i < deviceIds.size(); i++) {
                String article = articles.get(i);
                LocalDate followUp = origin.map(LoanOrigin::followUpDate).orElseGet(() -> since
                        .atZoneSameInstant(RuleContext.SWEDISH_TIME).toLocalDate()
                        .plusMonths(followUpMonths.applyAsInt(article)));
                Loan loan = new Loan(deviceIds.get(i), article, hubReference,
                        origin.map(LoanOrigin::decisionReference).orElse(null),
                        origin.map(LoanOrigin::customerNumber).orElse(customerNumber), since, LoanState.LENT, null,
                        origin.map(LoanOrigin::validTo).orElse(null), followUp,
                        kommunCode, origin.map(LoanOrigin::userPseudonym).orElse(null));
                added += insertIfAbsent(loan);
            }
            return added;
        });
    }

    /**
     * Ends the loans of {@code deviceIds} that are lent in {@code kommunCode}: picked up, lost or replaced, by the
     * return or fault report {@code endedBy}. Returns how many loans ended now (none when they had ended before).
     */
    public int end(String kommunCode, List<String> deviceIds, LoanState state, String endedBy, OffsetDateTime at) {
        if (state == LoanState.LENT) {
            throw new IllegalArgumentException("a loan ends as RETURNED, LOST or REPLACED");
        }
        return inOneTransaction(() -> {
            int ended = 0;
            for (String deviceId : deviceIds) {
                ended += jdbc.update("update loan set state = ?, ended_at = ?, ended_by = ?, updated_at = ? "
                        + "where kommun_code = ? and device_id = ? and state = ?", state.name(), timestamp(at),
                        endedBy, timestamp(at), kommunCode, deviceId, LoanState.LENT.name());
            }
            return ended;
        });
    }

    /**
     * The supplier replaced {@code oldDeviceId} after the fault report {@code faultReport}: the old loan ends as
     * {@link LoanState#REPLACED}, and each new device is lent on the same order, decision and user from {@code at}.
     * Handled again (a redelivered event), it finds the loan this fault report ended and adds nothing.
     */
    public int replace(String kommunCode, String oldDeviceId, List<String> newDeviceIds, String faultReport,
            OffsetDateTime at) {
        return inOneTransaction(() -> {
            Optional<Loan> old = jdbc.query("select * from loan where kommun_code = ? and device_id = ? and "
                    + "(state = ? or ended_by = ?) order by since desc", LoanRegister::loan, kommunCode, oldDeviceId,
                    LoanState.LENT.name(), faultReport).stream().findFirst();
            if (old.isEmpty()) {
                return 0;
            }
            end(kommunCode, List.of(oldDeviceId), LoanState.REPLACED, faultReport, at);
            int added = 0;
            for (String newDeviceId : newDeviceIds) {
                Loan replaced = old.get();
                added += insertIfAbsent(new Loan(newDeviceId, replaced.articleNumber(), replaced.hubReference(),
                        replaced.decisionReference(), replaced.customerNumber(), at, LoanState.LENT, null,
                        replaced.validTo(), replaced.followUpDate(), kommunCode, replaced.userPseudonym()));
            }
            return added;
        });
    }

    /** The loans of one municipality that match the query, current and ended, oldest first, at most 1000. */
    public List<Loan> find(LoanQuery query) {
        var sql = new StringBuilder("select * from loan where kommun_code = ?");
        var args = new ArrayList<Object>(List.of(query.kommunCode()));
        and(sql, args, "customer_number", query.customerNumber());
        and(sql, args, "user_pseudonym", query.userPseudonym());
        and(sql, args, "decision_reference", query.decisionReference());
        and(sql, args, "device_id", query.deviceId());
        sql.append(" order by since, device_id, hub_reference limit 1000");
        return jdbc.query(sql.toString(), LoanRegister::loan, args.toArray());
    }

    /** The devices lent now under one decision of one municipality: what a FOLLOW_UP_DONE may follow up. */
    @Override
    public Set<String> devicesUnder(String kommunCode, String decisionReference) {
        return Set.copyOf(jdbc.queryForList("select device_id from loan where kommun_code = ? and "
                + "decision_reference = ? and state = ?", String.class, kommunCode, decisionReference,
                LoanState.LENT.name()));
    }

    /**
     * The need behind the loans under {@code decisionReference} of {@code kommunCode} was followed up (FOLLOW_UP_DONE):
     * the lent ones, or those of {@code deviceIds} when given, are next followed up on {@code nextFollowUpDate}, and
     * end on {@code validTo} when it is given (a renewed decision). Returns how many loans it moved. Run in the
     * receipt's transaction, so a message accepted moves them once.
     */
    public int followedUp(String kommunCode, String decisionReference, List<String> deviceIds,
            LocalDate nextFollowUpDate, LocalDate validTo, OffsetDateTime at) {
        var sql = new StringBuilder("update loan set follow_up_date = ?, valid_to = coalesce(?, valid_to), "
                + "updated_at = ? where kommun_code = ? and decision_reference = ? and state = ?");
        var args = new ArrayList<Object>();
        args.add(date(nextFollowUpDate));
        args.add(date(validTo)); // null keeps the end date
        args.addAll(List.of(timestamp(at), kommunCode, decisionReference, LoanState.LENT.name()));
        if (deviceIds != null && !deviceIds.isEmpty()) {
            sql.append(" and device_id in (").append(String.join(", ", deviceIds.stream().map(d -> "?").toList()))
                    .append(")");
            args.addAll(deviceIds);
        }
        return jdbc.update(sql.toString(), args.toArray());
    }

    /** Loans still lent whose follow-up date is {@code day} or earlier, in every municipality. */
    public List<Loan> followUpsDue(LocalDate day) {
        return jdbc.query("select * from loan where state = ? and follow_up_date <= ? order by kommun_code, "
                + "hub_reference, device_id", LoanRegister::loan, LoanState.LENT.name(), date(day));
    }

    /** Loans still lent whose decision ended before {@code day}, in every municipality. */
    public List<Loan> returnsDue(LocalDate day) {
        return jdbc.query("select * from loan where state = ? and valid_to < ? order by kommun_code, "
                + "hub_reference, device_id", LoanRegister::loan, LoanState.LENT.name(), date(day));
    }

    private int insertIfAbsent(Loan loan) {
        return jdbc.update("""
                insert into loan (kommun_code, device_id, hub_reference, article_number, customer_number,
                    decision_reference, user_pseudonym, valid_to, follow_up_date, state, since, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                loan.kommunCode(), loan.deviceId(), loan.hubReference(), loan.articleNumber(), loan.customerNumber(),
                loan.decisionReference(), loan.userPseudonym(), date(loan.validTo()), date(loan.followUpDate()),
                loan.state().name(), timestamp(loan.since()), timestamp(loan.since()));
    }

    private int inOneTransaction(java.util.function.IntSupplier work) {
        Integer result = oneTransaction.execute(tx -> work.getAsInt());
        return result == null ? 0 : result;
    }

    private static void and(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a loan origin's list", e);
        }
    }

    private static <T> List<T> list(String json, TypeReference<List<T>> type) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a loan origin's list in the database cannot be read", e);
        }
    }

    private static LoanOrigin origin(ResultSet rs, int n) throws SQLException {
        return new LoanOrigin(rs.getString("hub_reference"), rs.getString("kommun_code"), rs.getString("message_type"),
                rs.getString("customer_number"), rs.getString("decision_reference"), rs.getString("user_pseudonym"),
                localDate(rs.getDate("valid_to")), localDate(rs.getDate("follow_up_date")),
                list(rs.getString("articles"), LINES), list(rs.getString("device_ids"), DEVICE_IDS));
    }

    private static Loan loan(ResultSet rs, int n) throws SQLException {
        return new Loan(rs.getString("device_id"), rs.getString("article_number"), rs.getString("hub_reference"),
                rs.getString("decision_reference"), rs.getString("customer_number"),
                swedish(rs.getTimestamp("since")), LoanState.valueOf(rs.getString("state")),
                swedish(rs.getTimestamp("ended_at")), localDate(rs.getDate("valid_to")),
                localDate(rs.getDate("follow_up_date")), rs.getString("kommun_code"), rs.getString("user_pseudonym"));
    }

    private static OffsetDateTime swedish(Timestamp timestamp) {
        return timestamp == null ? null
                : timestamp.toInstant().atZone(RuleContext.SWEDISH_TIME).toOffsetDateTime();
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static Timestamp timestamp(OffsetDateTime at) {
        return at == null ? null : Timestamp.from(at.toInstant());
    }
}
