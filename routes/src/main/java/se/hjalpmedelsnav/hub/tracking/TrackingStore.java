package se.hjalpmedelsnav.hub.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hub's record of every message it answered: the idempotent consumer on (kommunCode, messageId),
 * the way from a hubReference back to the municipality, and the status operators search by.
 */
@Repository
public class TrackingStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate oneTransaction;

    public TrackingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.oneTransaction = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    }

    /** Records a message and its receipt; false when that municipality already sent that messageId. */
    public boolean recordIfAbsent(TrackedMessage message) {
        return recordIfAbsent(message, null);
    }

    /**
     * Records a message and its receipt with the broker's id of the message it came in (see
     * {@link #transportMessageId}); false when that municipality already sent that messageId.
     */
    public boolean recordIfAbsent(TrackedMessage message, String transportMessageId) {
        return jdbc.update("""
                insert into tracked_message (hub_reference, kommun_code, message_id, message_type,
                    customer_number, status, receipt, received_at, updated_at, transport_message_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                message.hubReference(), message.kommunCode(), message.messageId(), message.messageType(),
                message.customerNumber(), message.status().name(), message.receiptJson(),
                timestamp(message.receivedAt()), timestamp(message.receivedAt()), transportMessageId) == 1;
    }

    /**
     * Records a message and its receipt as {@link #recordIfAbsent(TrackedMessage, String)} does and, when it was
     * new, runs {@code alongside} in the same database transaction: what the hub derived from the message (a buffer
     * withdrawal's refill order) and what a feature keeps of it (the loan register's origin of an order) commit with
     * its receipt or not at all.
     */
    public boolean recordIfAbsent(TrackedMessage message, String transportMessageId, Runnable alongside) {
        return Boolean.TRUE.equals(oneTransaction.execute(tx -> {
            if (!recordIfAbsent(message, transportMessageId)) {
                return false;
            }
            alongside.run();
            return true;
        }));
    }

    /** The broker's id of the message whose receipt was recorded for this messageId, if it was recorded. */
    public Optional<String> transportMessageId(String kommunCode, String messageId) {
        return jdbc.queryForList("select transport_message_id from tracked_message where kommun_code = ? and "
                + "message_id = ?", String.class, kommunCode, messageId).stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    public Optional<TrackedMessage> find(String kommunCode, String messageId) {
        return jdbc.query("select * from tracked_message where kommun_code = ? and message_id = ?",
                TrackingStore::row, kommunCode, messageId).stream().findFirst();
    }

    public Optional<TrackedMessage> byHubReference(String hubReference) {
        return jdbc.query("select * from tracked_message where hub_reference = ?", TrackingStore::row, hubReference)
                .stream().findFirst();
    }

    public List<TrackedMessage> search(TrackingQuery query) {
        var sql = new StringBuilder("select * from tracked_message where 1 = 1");
        var args = new java.util.ArrayList<Object>();
        if (query.kommunCode() != null) {
            sql.append(" and kommun_code = ?");
            args.add(query.kommunCode());
        }
        if (query.messageId() != null) {
            sql.append(" and message_id = ?");
            args.add(query.messageId());
        }
        if (query.hubReference() != null) {
            sql.append(" and hub_reference = ?");
            args.add(query.hubReference());
        }
        if (query.customerNumber() != null) {
            sql.append(" and customer_number = ?");
            args.add(query.customerNumber());
        }
        if (query.status() != null) {
            sql.append(" and status = ?");
            args.add(query.status().name());
        }
        sql.append(" order by received_at desc limit ").append(Math.max(1, Math.min(query.limit(), 500)));
        return jdbc.query(sql.toString(), TrackingStore::row, args.toArray());
    }

    public boolean updateStatus(String hubReference, TrackingStatus status, OffsetDateTime at) {
        return jdbc.update("update tracked_message set status = ?, updated_at = ? where hub_reference = ?",
                status.name(), timestamp(at), hubReference) == 1;
    }

    /** Moves a message on from one status only: false when it had moved elsewhere already. */
    public boolean advanceStatus(String hubReference, TrackingStatus from, TrackingStatus to, OffsetDateTime at) {
        return jdbc.update("update tracked_message set status = ?, updated_at = ? where hub_reference = ? and status = ?",
                to.name(), timestamp(at), hubReference, from.name()) == 1;
    }

    /**
     * The supplier took the message through this channel ({@code API}, {@code FILE_DROP}): one statement records
     * when and how, and moves it to SENT_TO_SUPPLIER only from ACCEPTED (the supplier's first event may have
     * overtaken this answer; the hand-off is recorded all the same). A hand-off recorded before is kept. False for
     * an unknown hub reference.
     */
    public boolean handedToSupplier(String hubReference, String channel, OffsetDateTime at) {
        Timestamp time = timestamp(at);
        return jdbc.update("""
                update tracked_message
                set status = case when status = ? then ? else status end,
                    updated_at = case when status = ? then ? else updated_at end,
                    handed_to_supplier_at = coalesce(handed_to_supplier_at, ?),
                    supplier_channel = coalesce(supplier_channel, ?)
                where hub_reference = ?""",
                TrackingStatus.ACCEPTED.name(), TrackingStatus.SENT_TO_SUPPLIER.name(),
                TrackingStatus.ACCEPTED.name(), time, time, channel, hubReference) == 1;
    }

    /** Records a supplier event; false when the same event id was passed on before. */
    public boolean recordSupplierEventIfAbsent(String eventId, String hubReference, String status,
            OffsetDateTime at) {
        return recordSupplierEventIfAbsent(eventId, hubReference, status, at, null);
    }

    /**
     * Records a supplier event with the broker's id of the message it came in; false when that event was
     * recorded before (see {@link #supplierEventTransportId}). The insert skips a known event id instead of
     * failing on it, so no transaction around it is aborted on PostgreSQL.
     */
    public boolean recordSupplierEventIfAbsent(String eventId, String hubReference, String status,
            OffsetDateTime at, String transportMessageId) {
        return jdbc.update("insert into supplier_event (event_id, hub_reference, status, received_at, transport_message_id)"
                + " values (?, ?, ?, ?, ?) on conflict do nothing", eventId, hubReference, status, timestamp(at),
                transportMessageId) == 1;
    }

    /**
     * Records a new supplier event and moves its message to the event's status in one transaction (one
     * commit, which on the embedded database is one write to disk); false, and nothing changed, when the
     * event was recorded before.
     */
    public boolean recordSupplierEvent(String eventId, String hubReference, TrackingStatus status,
            OffsetDateTime at, String transportMessageId) {
        return Boolean.TRUE.equals(oneTransaction.execute(tx -> {
            if (!recordSupplierEventIfAbsent(eventId, hubReference, status.name(), at, transportMessageId)) {
                return false;
            }
            updateStatus(hubReference, status, at);
            return true;
        }));
    }

    /** The broker's id of the message a supplier event was first recorded from, if it was recorded with one. */
    public Optional<String> supplierEventTransportId(String eventId) {
        return jdbc.queryForList("select transport_message_id from supplier_event where event_id = ?", String.class,
                eventId).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    private static Timestamp timestamp(OffsetDateTime at) {
        return Timestamp.from(at.toInstant());
    }

    private static TrackedMessage row(ResultSet rs, int n) throws SQLException {
        return new TrackedMessage(rs.getString("hub_reference"), rs.getString("kommun_code"),
                rs.getString("message_id"), rs.getString("message_type"), rs.getString("customer_number"),
                TrackingStatus.valueOf(rs.getString("status")), rs.getString("receipt"),
                rs.getTimestamp("received_at").toInstant().atOffset(ZoneOffset.UTC));
    }
}
