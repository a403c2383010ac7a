package se.hjalpmedelsnav.hub.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.qpid.jms.JmsConnectionFactory;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.hub.support.TestOrders;

/**
 * The county's case systems: every municipality that signed the agreement sends orders on its own
 * {@code .in} queue over AMQP 1.0 and reads its {@code .out} queue, as a careful client would: a
 * send that fails (the hub died under it) is sent again with the same messageId once the hub is
 * back, and counted as a resend. Receipts are kept by the broker's id of the receipt message, so a
 * receipt the broker delivers again after a crash counts once.
 */
final class County implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MUNICIPALITY = Pattern.compile("^  - code: \"(\\d{4})\"");
    /** The two municipalities of the demo registry that have not signed the agreement. */
    private static final List<String> NON_PARTIES = List.of("1446", "1447");

    /** One order and what became of it on the municipality's side. */
    static final class Order {
        final String kommunCode;
        final String messageId;
        final String decisionReference;
        final String body;
        final AtomicInteger sends = new AtomicInteger();
        /** Receipts by the broker's message id: a redelivered receipt is the same receipt. */
        final Map<String, JsonNode> receipts = new ConcurrentHashMap<>();
        final Map<String, JsonNode> statusEvents = new ConcurrentHashMap<>();

        /** A BUFFER_WITHDRAWAL rather than an ORDER: the supplier gets its registration, and a refill if {@link #refills}. */
        final boolean withdrawal;
        /** A withdrawal whose store refills automatically (the registry's autoRefill). */
        final boolean refills;

        Order(String kommunCode, String messageId, String decisionReference, String body) {
            this(kommunCode, messageId, decisionReference, body, false, false);
        }

        Order(String kommunCode, String messageId, String decisionReference, String body, boolean withdrawal,
                boolean refills) {
            this.kommunCode = kommunCode;
            this.messageId = messageId;
            this.decisionReference = decisionReference;
            this.body = body;
            this.withdrawal = withdrawal;
            this.refills = refills;
        }

        /** How many orders the supplier should hold under this one's decision reference. */
        int expectedAtSupplier() {
            return withdrawal && refills ? 2 : 1;
        }

        boolean answered() {
            return !receipts.isEmpty();
        }

        long originalReceipts() {
            return receipts.values().stream().filter(r -> !r.path("duplicate").asBoolean()).count();
        }

        long duplicateReceipts() {
            return receipts.values().stream().filter(r -> r.path("duplicate").asBoolean()).count();
        }

        String hubReference() {
            return receipts.values().stream().map(r -> r.path("hubReference").asText()).findFirst().orElse(null);
        }

        boolean accepted() {
            return receipts.values().stream().anyMatch(r -> "ACCEPTED".equals(r.path("status").asText()));
        }
    }

    /** The AMQP URL the case systems connect with, and the ports of the brokers it names. */
    private final String connectionUrl;
    private final List<Integer> brokerPorts;
    private final String user;
    private final String password;
    private final List<String> kommunCodes;
    private final Map<String, Order> byMessageId = new ConcurrentHashMap<>();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger reconnects = new AtomicInteger();
    private final List<Connection> connections = new ArrayList<>();
    private final Map<String, Session> sending = new HashMap<>();
    private final Map<String, MessageProducer> producers = new HashMap<>();
    private volatile boolean broken = true;

    /** @param user the broker user the case systems log in with, or null while the broker has no security */
    County(int brokerPort, String user, String password) {
        this("amqp://127.0.0.1:" + brokerPort, List.of(brokerPort), user, password);
    }

    /**
     * The county connected with {@code connectionUrl}, e.g. Qpid JMS's {@code failover:(amqp://a,amqp://b)} naming
     * both brokers of a pair, as the README tells municipalities; {@code brokerPorts} are the ports it names.
     */
    County(String connectionUrl, List<Integer> brokerPorts, String user, String password) {
        this.connectionUrl = connectionUrl;
        this.brokerPorts = List.copyOf(brokerPorts);
        this.user = user;
        this.password = password;
        this.kommunCodes = agreementParties();
    }

    List<String> kommunCodes() {
        return kommunCodes;
    }

    /** {@code count} valid orders, spread round-robin over every municipality, each with its own decision reference. */
    List<Order> orders(String run, int count) {
        var orders = new ArrayList<Order>(count);
        for (int i = 0; i < count; i++) {
            String kommun = kommunCodes.get(i % kommunCodes.size());
            String messageId = run + "-" + i;
            String decision = "BESLUT-" + run + "-" + i;
            ObjectNode body = TestOrders.validOrder(messageId);
            body.put("kommunCode", kommun);
            body.put("customerNumber", "KN-" + kommun + "-001");
            body.put("payerNumber", "BN-" + kommun + "-01");
            ((ObjectNode) body.path("decision")).put("reference", decision);
            var order = new Order(kommun, messageId, decision, body.toString());
            orders.add(order);
            byMessageId.put(messageId, order);
        }
        return orders;
    }

    /**
     * {@code count} valid orders as {@link #orders}, with {@code withdrawals} BUFFER_WITHDRAWALs spread evenly among
     * them, each from the first customer number of a municipality whose unit has a buffer store (round-robin), with
     * its own device id and decision reference.
     */
    List<Order> ordersAndWithdrawals(String run, int count, int withdrawals) {
        List<Order> orders = orders(run, count);
        if (withdrawals <= 0) {
            return orders;
        }
        var registry = registry();
        List<String> withStores = kommunCodes.stream()
                .filter(kommun -> registry.customerNumber(kommun, "KN-" + kommun + "-001")
                        .map(customerNumber -> customerNumber.bufferStore() != null).orElse(false))
                .toList();
        var mixed = new ArrayList<Order>(orders);
        int every = Math.max(1, (count + withdrawals) / withdrawals);
        for (int i = 0; i < withdrawals; i++) {
            String kommun = withStores.get(i % withStores.size());
            String messageId = run + "-bw-" + i;
            String decision = "BESLUT-" + run + "-bw-" + i;
            // Device ids are at most 32 characters: the run by a digest of its name.
            String deviceId = "BW-" + Integer.toHexString(run.hashCode()) + "-" + i;
            ObjectNode body = TestOrders.bufferWithdrawal(messageId, deviceId, decision);
            body.put("kommunCode", kommun);
            body.put("customerNumber", "KN-" + kommun + "-001");
            body.put("payerNumber", "BN-" + kommun + "-01");
            boolean refills = registry.customerNumber(kommun, "KN-" + kommun + "-001").orElseThrow().bufferStore()
                    .refillsAutomatically();
            var withdrawal = new Order(kommun, messageId, decision, body.toString(), true, refills);
            mixed.add(Math.min(mixed.size(), i * every + every / 2), withdrawal);
            byMessageId.put(messageId, withdrawal);
        }
        return mixed;
    }

    private static se.hjalpmedelsnav.mappings.registry.Registry registry() {
        try {
            return new se.hjalpmedelsnav.mappings.registry.RegistryLoader()
                    .load(JavaProcess.PROJECT.resolve("config/registry.yaml"));
        } catch (se.hjalpmedelsnav.mappings.registry.InvalidRegistryException e) {
            throw new IllegalStateException("the demo registry does not load", e);
        }
    }

    /**
     * Sends every order, with at most {@code inFlight} of them unanswered; a send the hub did not
     * confirm is repeated (same messageId) until it is.
     */
    void sendAll(List<Order> orders, int inFlight) {
        int sent = 0;
        for (Order order : orders) {
            while (sent - answered.get() >= inFlight) {
                ensureConnected();
                JavaProcess.pause(5);
            }
            while (!sendOnce(order)) {
                JavaProcess.pause(100);
            }
            sent++;
        }
    }

    int answered() {
        return answered.get();
    }

    /**
     * Sends an order that was answered already once more (same messageId), as a case system does that lost track of
     * it, and returns the receipt flagged {@code duplicate} that the hub answers it with.
     */
    JsonNode resendAndAwaitDuplicateReceipt(Order order, Duration timeout) {
        long before = order.duplicateReceipts();
        while (!sendOnce(order)) {
            JavaProcess.pause(100);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (order.duplicateReceipts() <= before) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no duplicate receipt for " + order.messageId + " within " + timeout);
            }
            ensureConnected();
            JavaProcess.pause(100);
        }
        return order.receipts.values().stream().filter(r -> r.path("duplicate").asBoolean()).reduce((a, b) -> b)
                .orElseThrow();
    }

    int reconnects() {
        return reconnects.get();
    }

    /** Keeps the receiving side connected while the test waits for the last answers. */
    synchronized void ensureConnected() {
        if (!broken) {
            return;
        }
        closeQuietly();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        JMSException last = null;
        while (System.nanoTime() < deadline) {
            // A quiet check first: the JMS client logs every refused connection at ERROR.
            if (brokerListens()) {
                try {
                    connect();
                    return;
                } catch (JMSException e) {
                    last = e;
                    closeQuietly();
                }
            }
            JavaProcess.pause(250);
        }
        throw new IllegalStateException("the hub's broker took no connection for 5 minutes", last);
    }

    private boolean brokerListens() {
        for (int brokerPort : brokerPorts) {
            try (var socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", brokerPort), 1000);
                return true;
            } catch (IOException e) {
                // the next one
            }
        }
        return false;
    }

    private boolean sendOnce(Order order) {
        ensureConnected();
        try {
            order.sends.incrementAndGet();
            TextMessage message = sending.get(order.kommunCode).createTextMessage(order.body);
            producers.get(order.kommunCode).send(message);
            return true;
        } catch (JMSException | RuntimeException e) {
            broken = true; // in doubt: it may or may not have reached the broker; send it again
            return false;
        }
    }

    /** One connection per municipality, each logged in as its own broker user ({@code kommun-<code>}) unless one user is given. */
    private void connect() throws JMSException {
        var factory = new JmsConnectionFactory(connectionUrl);
        producers.clear();
        sending.clear();
        for (String kommun : kommunCodes) {
            Connection connection = user == null
                    ? factory.createConnection(HubTest.kommunUser(kommun), HubTest.kommunPassword(kommun))
                    : factory.createConnection(user, password);
            connections.add(connection);
            connection.setExceptionListener(e -> broken = true);
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            sending.put(kommun, session);
            producers.put(kommun, session.createProducer(session.createQueue("nav.kommun." + kommun + ".in")));
            Session listening = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            listening.createConsumer(listening.createQueue("nav.kommun." + kommun + ".out")).setMessageListener(this::collect);
            connection.start();
        }
        reconnects.incrementAndGet();
        broken = false;
    }

    private void collect(Message message) {
        try {
            String text = message instanceof TextMessage t ? t.getText() : message.getBody(String.class);
            JsonNode event = JSON.readTree(text);
            Order order = byMessageId.get(event.path("inReplyTo").asText());
            if (order == null) {
                return;
            }
            if ("RECEIPT".equals(event.path("type").asText())) {
                boolean first = !order.answered();
                order.receipts.put(message.getJMSMessageID(), event);
                if (first && order.answered()) {
                    answered.incrementAndGet();
                }
            } else {
                order.statusEvents.put(message.getJMSMessageID(), event);
            }
        } catch (JMSException | IOException e) {
            throw new IllegalStateException("unreadable message on an out queue", e);
        }
    }

    private void closeQuietly() {
        for (Connection connection : connections) {
            try {
                connection.close();
            } catch (JMSException | RuntimeException ignored) {
                // the hub is gone; nothing to close on its side
            }
        }
        connections.clear();
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private static List<String> agreementParties() {
        try {
            return Files.readAllLines(JavaProcess.PROJECT.resolve("config/registry.yaml")).stream()
                    .map(MUNICIPALITY::matcher).filter(java.util.regex.Matcher::find).map(m -> m.group(1))
                    .filter(code -> !NON_PARTIES.contains(code)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path dataDir(String name) {
        try {
            return Files.createTempDirectory("hjalpmedelsnav-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
