package se.hjalpmedelsnav.hub.admin;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.broker.MessageProperties;

/**
 * The dead-letter queues as operators work with them: what is parked and why, and the replay that puts
 * a parked message back on the queue it came from, recorded in the audit trail with who and when.
 *
 * <p>Everything goes through JMS, so it works the same on the embedded broker and on a standalone one.
 * A replay takes the message off the dead-letter queue and sends a copy to its origin in one local JMS
 * transaction, committed inside the database transaction that records the audit row: if the broker
 * refuses the commit, no audit row claims a replay that did not happen. The copy gets a new broker
 * duplicate-detection id (the origin address has seen the original's) and loses the failure properties.
 */
@Component
public class DeadLetters {

    private static final String ORIGINAL_ADDRESS = MessageProperties.ORIGINAL_ADDRESS;
    private static final String REPLAY_COUNT = MessageProperties.REPLAY_COUNT;

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final long RECEIVE_TIMEOUT_MS = 2_000;
    private static final int MAX_COUNT = 10_000;

    private final ConnectionFactory connections;
    private final ReplayAudit audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final List<String> deadLetterQueues = Queues.deadLetterQueues();

    public DeadLetters(ConnectionFactory brokerConnectionFactory, ReplayAudit audit, TransactionTemplate transactions,
            Clock clock) {
        this.connections = brokerConnectionFactory;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public boolean isDeadLetterQueue(String queue) {
        return deadLetterQueues.contains(queue);
    }

    /** Every dead-letter queue of the hub with how many messages it holds (counted up to 10,000). */
    public Map<String, Integer> counts() throws JMSException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String queue : deadLetterQueues) {
            counts.put(queue, browse(queue, MAX_COUNT).size());
        }
        return counts;
    }

    /** The parked messages of one dead-letter queue, oldest first. */
    public List<ParkedMessage> list(String queue, int limit) throws JMSException {
        return browse(queue, Math.max(1, Math.min(limit, MAX_COUNT)));
    }

    /**
     * Puts parked messages back on the queues they came from: the one named by its JMS message id, wherever it
     * stands on the queue, or all (up to {@code limit}) when none is named. Each message is either replayed or
     * named with the reason it was not (it does not say where it came from, or it was taken meanwhile).
     */
    public Replay replay(String queue, Optional<String> jmsMessageId, int limit, String user, String via)
            throws JMSException {
        // Named by id: looked up by it, not among the first `limit` messages (behind them it was not found).
        List<ParkedMessage> candidates = jmsMessageId.isPresent()
                ? browse(queue, 1, byJmsMessageId(jmsMessageId.get()))
                : browse(queue, Math.max(1, Math.min(limit, MAX_COUNT)), null);
        List<ReplayRecord> replayed = new ArrayList<>();
        List<NotReplayed> notReplayed = new ArrayList<>();
        for (ParkedMessage parked : candidates) {
            if (parked.originQueue() == null) {
                notReplayed.add(new NotReplayed(parked.jmsMessageId(), parked.hubReference(), NO_ORIGIN));
                continue;
            }
            replayOne(parked, user, via).ifPresentOrElse(replayed::add,
                    () -> notReplayed.add(new NotReplayed(parked.jmsMessageId(), parked.hubReference(), TAKEN)));
        }
        return new Replay(replayed, notReplayed);
    }

    static final String NO_ORIGIN = "it does not say which queue it came from, and more than one queue parks on "
            + "this dead-letter queue: move it by hand in the console once you know where it belongs";
    static final String TAKEN = "it is no longer on the dead-letter queue (replayed or removed meanwhile)";

    /** What a replay did: the messages it put back, and those it could not, each with why. */
    public record Replay(List<ReplayRecord> replayed, List<NotReplayed> notReplayed) {
    }

    /** A parked message a replay left where it was, and why. */
    public record NotReplayed(String jmsMessageId, String hubReference, String reason) {
    }

    private Optional<ReplayRecord> replayOne(ParkedMessage parked, String user, String via) throws JMSException {
        ReplayRecord record = new ReplayRecord(UUID.randomUUID().toString(), OffsetDateTime.now(clock), user, via,
                parked.deadLetterQueue(), parked.originQueue(), parked.hubReference(), parked.kommunCode(),
                parked.messageId(), parked.failedStage(), parked.failureReason());
        boolean moved = moveOne(parked, parked.originQueue(), (session, message) -> copy(session, message, record.id()),
                () -> audit.record(record));
        if (!moved) {
            return Optional.empty(); // taken meanwhile, by another replay or the console
        }
        log.info("Replayed {} from {} to {} (by {} via {})", parked.hubReference(), parked.deadLetterQueue(),
                parked.originQueue(), user, via);
        return Optional.of(record);
    }

    /**
     * Moves one parked message off its dead-letter queue to {@code expiryQueue} (the retention's expiry): its
     * properties (reason, stage, policy, references) go with it, plus {@code labels}; its body only when
     * {@code keepBody}. The origin is kept as {@code navOriginQueue}, not in Artemis' own {@code _AMQ_ORIG_*}, so the
     * console's "retry" does not put a message without its body back on a stage. As a replay: taken and sent in one
     * JMS transaction, committed inside the database transaction of {@code inTransaction} (the audit row). False
     * when the message was no longer there. Only text and bytes bodies can be kept (the hub parks no other kind).
     */
    public boolean expire(ParkedMessage parked, String expiryQueue, boolean keepBody, Map<String, Object> labels,
            Runnable inTransaction) throws JMSException {
        return moveOne(parked, expiryQueue, (session, message) -> {
            Message expired = keepBody ? bodyCopy(session, message) : session.createMessage();
            for (String name : propertyNames(message)) {
                if (!name.startsWith("_AMQ_") && !name.startsWith("JMSX")) {
                    expired.setObjectProperty(name, message.getObjectProperty(name));
                }
            }
            if (parked.originQueue() != null) {
                expired.setStringProperty("navOriginQueue", parked.originQueue());
            }
            for (Map.Entry<String, Object> label : labels.entrySet()) {
                expired.setObjectProperty(label.getKey(), label.getValue());
            }
            expired.setJMSCorrelationID(message.getJMSCorrelationID());
            return expired;
        }, inTransaction);
    }

    /** What takes a parked message's place on the queue it is moved to. */
    @FunctionalInterface
    private interface Successor {
        Message of(Session session, Message parked) throws JMSException;
    }

    /**
     * Takes one parked message off its dead-letter queue and sends its successor to {@code target} in one JMS
     * transaction, committed inside the database transaction of {@code inTransaction} (the audit row): both happen
     * or neither. False when the message was no longer there.
     */
    private boolean moveOne(ParkedMessage parked, String target, Successor successor, Runnable inTransaction)
            throws JMSException {
        Connection connection = connections.createConnection();
        try {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            try {
                MessageConsumer consumer = session.createConsumer(session.createQueue(parked.deadLetterQueue()),
                        byJmsMessageId(parked.jmsMessageId()));
                Message message = consumer.receive(RECEIVE_TIMEOUT_MS);
                if (message == null) {
                    consumer.close();
                    return false;
                }
                MessageProducer producer = session.createProducer(session.createQueue(target));
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                producer.send(successor.of(session, message));
                transactions.executeWithoutResult(status -> {
                    inTransaction.run();
                    commit(session);
                });
                consumer.close();
                return true;
            } catch (RuntimeException | JMSException failure) {
                session.rollback();
                throw failure;
            } finally {
                session.close();
            }
        } finally {
            connection.close();
        }
    }

    private static Message bodyCopy(Session session, Message original) throws JMSException {
        if (original instanceof TextMessage text) {
            return session.createTextMessage(text.getText());
        }
        if (original instanceof BytesMessage bytes) {
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            BytesMessage copy = session.createBytesMessage();
            copy.writeBytes(body);
            return copy;
        }
        return session.createMessage();
    }

    private static String byJmsMessageId(String jmsMessageId) {
        return "JMSMessageID = '" + jmsMessageId.replace("'", "''") + "'";
    }

    private static void commit(Session session) {
        try {
            session.commit();
        } catch (JMSException e) {
            throw new IllegalStateException("the broker refused the replay's commit", e);
        }
    }

    private static Message copy(Session session, Message original, String replayId) throws JMSException {
        Message copy;
        if (original instanceof TextMessage text) {
            copy = session.createTextMessage(text.getText());
        } else if (original instanceof BytesMessage bytes) {
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            BytesMessage bytesCopy = session.createBytesMessage();
            bytesCopy.writeBytes(body);
            copy = bytesCopy;
        } else {
            throw new IllegalStateException("only text and bytes messages can be replayed");
        }
        for (String name : propertyNames(original)) {
            if (name.startsWith("_AMQ_") || name.startsWith("JMSX") || name.equals(MessageProperties.FAILURE_REASON)
                    || name.equals(MessageProperties.FAILED_STAGE) || name.equals(MessageProperties.PARK_POLICY)
                    || name.equals(REPLAY_COUNT)) {
                continue;
            }
            copy.setObjectProperty(name, original.getObjectProperty(name));
        }
        copy.setJMSCorrelationID(original.getJMSCorrelationID());
        int replays = original.propertyExists(REPLAY_COUNT) ? original.getIntProperty(REPLAY_COUNT) : 0;
        copy.setIntProperty(REPLAY_COUNT, replays + 1);
        copy.setStringProperty(MessageProperties.BROKER_DUPLICATE_ID, "replay:" + replayId);
        return copy;
    }

    private List<ParkedMessage> browse(String queue, int limit) throws JMSException {
        return browse(queue, limit, null);
    }

    private List<ParkedMessage> browse(String queue, int limit, String selector) throws JMSException {
        Connection connection = connections.createConnection();
        try {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (QueueBrowser browser = session.createBrowser(session.createQueue(queue), selector)) {
                List<ParkedMessage> parked = new ArrayList<>();
                Enumeration<?> messages = browser.getEnumeration();
                while (messages.hasMoreElements() && parked.size() < limit) {
                    parked.add(describe(queue, (Message) messages.nextElement()));
                }
                return parked;
            } finally {
                session.close();
            }
        } finally {
            connection.close();
        }
    }

    /**
     * A parked message as operators see it. Where it goes back: the queue it says it came from, else the one
     * queue whose stage parks on this dead-letter queue (a message parked before every stage recorded it).
     */
    private static ParkedMessage describe(String queue, Message message) throws JMSException {
        String origin = string(message, ORIGINAL_ADDRESS);
        if (origin == null) {
            origin = Queues.onlyOriginOf(queue).orElse(null);
        }
        return new ParkedMessage(queue, message.getJMSMessageID(), origin,
                string(message, MessageProperties.KOMMUN_CODE), string(message, MessageProperties.MESSAGE_ID),
                string(message, MessageProperties.HUB_REFERENCE), string(message, MessageProperties.MESSAGE_TYPE),
                string(message, MessageProperties.FAILED_STAGE), string(message, MessageProperties.FAILURE_REASON),
                OffsetDateTime.ofInstant(Instant.ofEpochMilli(message.getJMSTimestamp()), ZoneOffset.UTC));
    }

    private static String string(Message message, String property) throws JMSException {
        Object value = message.getObjectProperty(property);
        return value == null ? null : value.toString();
    }

    private static List<String> propertyNames(Message message) throws JMSException {
        List<String> names = new ArrayList<>();
        for (Object name : Collections.list(message.getPropertyNames())) {
            names.add((String) name);
        }
        return names;
    }

}
