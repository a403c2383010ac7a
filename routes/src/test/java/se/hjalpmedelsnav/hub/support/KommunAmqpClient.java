package se.hjalpmedelsnav.hub.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.qpid.jms.JmsConnectionFactory;

/**
 * A municipality's case system as the hub sees it: an AMQP 1.0 client (Qpid JMS), logged in as
 * {@code kommun-<code>}, that sends on {@code nav.kommun.<code>.in} and collects everything arriving on
 * {@code nav.kommun.<code>.out}, by correlation id.
 */
public final class KommunAmqpClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String kommunCode;
    private final Connection connection;
    private final Session session;
    private final MessageProducer producer;
    private final Map<String, List<JsonNode>> received = new ConcurrentHashMap<>();

    /** Logs in on the embedded default's plain port with the municipality's development password. */
    public KommunAmqpClient(int brokerPort, String kommunCode) throws JMSException {
        this(new JmsConnectionFactory("amqp://127.0.0.1:" + brokerPort), kommunCode,
                HubTest.kommunPassword(kommunCode));
    }

    /** Logs in through that factory (e.g. {@code amqps://} with a truststore) as {@code kommun-<code>}. */
    public KommunAmqpClient(JmsConnectionFactory factory, String kommunCode, String password) throws JMSException {
        this.kommunCode = kommunCode;
        this.connection = factory.createConnection(HubTest.kommunUser(kommunCode), password);
        this.session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        this.producer = session.createProducer(session.createQueue("nav.kommun." + kommunCode + ".in"));
        Session listening = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        listening.createConsumer(listening.createQueue("nav.kommun." + kommunCode + ".out"))
                .setMessageListener(this::collect);
        connection.start();
    }

    public void send(String body) throws JMSException {
        producer.send(session.createTextMessage(body));
    }

    public void send(JsonNode body) throws JMSException {
        send(body.toString());
    }

    /** Sends with the AMQP correlation-id set, as a client does that wants even an unreadable body's receipt correlated. */
    public void send(String body, String correlationId) throws JMSException {
        var message = session.createTextMessage(body);
        message.setJMSCorrelationID(correlationId);
        producer.send(message);
    }

    public void sendBytes(byte[] body) throws JMSException {
        var message = session.createBytesMessage();
        message.writeBytes(body);
        producer.send(message);
    }

    /** Waits for the receipt of that messageId. */
    public JsonNode receipt(String messageId) {
        return awaitMessage(messageId, m -> "RECEIPT".equals(m.path("type").asText()));
    }

    /** Waits for the ORDER_STATUS event of that messageId with that status. */
    public JsonNode orderStatus(String messageId, String status) {
        return awaitMessage(messageId,
                m -> "ORDER_STATUS".equals(m.path("type").asText()) && status.equals(m.path("status").asText()));
    }

    public List<JsonNode> receivedFor(String correlationId) {
        return List.copyOf(received.getOrDefault(correlationId, List.of()));
    }

    public JsonNode awaitMessage(String correlationId, Predicate<JsonNode> wanted) {
        return await("a message for " + correlationId + " on nav.kommun." + kommunCode + ".out")
                .atMost(Duration.ofSeconds(30))
                .until(() -> receivedFor(correlationId).stream().filter(wanted).findFirst().orElse(null),
                        found -> found != null);
    }

    private void collect(Message message) {
        try {
            String body = message instanceof TextMessage text ? text.getText() : message.getBody(String.class);
            String correlation = message.getJMSCorrelationID();
            received.computeIfAbsent(correlation == null ? "" : correlation, k -> new CopyOnWriteArrayList<>())
                    .add(JSON.readTree(body));
        } catch (Exception e) {
            throw new IllegalStateException("unreadable message on the out queue", e);
        }
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
