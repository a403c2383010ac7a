package se.hjalpmedelsnav.hub.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQSession;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import se.hjalpmedelsnav.broker.BrokerAccess;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.hub.broker.AccessCounter;
import se.hjalpmedelsnav.hub.support.HubTest;

/**
 * The standalone broker as tools/broker/artemis-broker.sh creates it (docker/broker/broker.xml, users and
 * security settings generated from the registry) permits what the embedded broker permits
 * ({@code BrokerAccess}) and carries the AMQP guard. Every municipality of the registry, logged in as its own
 * user over AMQP 1.0 and CORE: sends on its own {@code .in} (the hub receives it) and reads its own
 * {@code .out} (what the hub put there); the broker refuses it, naming the permission, to send on another
 * municipality's {@code .in} or an internal queue, to read another's {@code .out} or a dead-letter queue,
 * to browse, to create or delete a queue and to ask the management address. The hub may use its queues and
 * browse dead-letter queues only; the admin everything. A lone UTF-16 surrogate in an AMQP message is
 * refused at send and the municipality's next message still reaches the hub. One line starting
 * {@code STANDALONE BROKER ACCESS} sums it up.
 */
@Tag(HubTest.STARTS_A_HUB)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(HubTest.HUB_PROCESSES)
class StandaloneBrokerSecurityIT {

    private static final Duration RECEIVE = Duration.ofSeconds(20);
    private static final String MANAGEMENT = "activemq.management";

    @Test
    void theStandaloneBrokerPermitsWhatTheEmbeddedOneDoesAndRefusesAnUnreadableAmqpMessage() throws Exception {
        List<String> codes = StandaloneBroker.kommunCodes();
        assertThat(codes).as("municipalities of the registry").hasSize(49);
        Path data = County.dataDir("standalone-broker-security");
        int port = HubTest.freePort();

        try (StandaloneBroker broker = StandaloneBroker.start(data.resolve("broker"), port);
                AutoCloseable quiet = AccessCounter.quietRefusedLinkWarnings()) {
            long started = System.nanoTime();
            var counters = new ArrayList<AccessCounter>();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<AccessCounter>> futures = new ArrayList<>();
                for (String code : codes) {
                    String next = codes.get((codes.indexOf(code) + 1) % codes.size());
                    futures.add(pool.submit(() -> municipality(port, code, next)));
                }
                for (Future<AccessCounter> future : futures) {
                    counters.add(future.get());
                }
            } finally {
                pool.shutdownNow();
            }
            counters.add(hub(port));
            counters.add(admin(port));
            var guard = new AccessCounter(HubTest.kommunUser("1480"));
            String guardOutcome = unreadableAmqpMessage(port, "1480", guard);
            counters.add(guard);

            int allowed = counters.stream().mapToInt(AccessCounter::allowed).sum();
            int refused = counters.stream().mapToInt(AccessCounter::refused).sum();
            List<String> wrong = counters.stream().flatMap(c -> c.wrong().stream()).toList();
            String summary = String.format("STANDALONE BROKER ACCESS: %d municipalities (each: AMQP and CORE send own .in"
                    + " and read own .out; 9 refusals), hub and admin: %d allowed, %d refused by the broker, %d not as"
                    + " the rules say; %s; %.1f s", codes.size(), allowed, refused, wrong.size(), guardOutcome,
                    (System.nanoTime() - started) / 1e9);
            System.out.println(summary);

            assertThat(wrong).as(summary).isEmpty();
            assertThat(allowed).as(summary).isEqualTo(codes.size() * 4 + HUB_ALLOWED + ADMIN_ALLOWED + 1);
            assertThat(refused).as(summary).isEqualTo(codes.size() * 9 + HUB_REFUSED + 2);
        }
    }

    /**
     * Its own two queues over both protocols, done for real: the hub puts a message on {@code .out} first and
     * takes the municipality's from {@code .in} afterwards. Then the nine things the broker must refuse.
     */
    private static AccessCounter municipality(int port, String code, String next) throws Exception {
        String user = HubTest.kommunUser(code);
        var counter = new AccessCounter(user);
        try (Connection hub = core(port, StandaloneBroker.HUB_USER, StandaloneBroker.HUB_PASSWORD);
                Connection amqp = new JmsConnectionFactory("amqp://127.0.0.1:" + port)
                        .createConnection(user, HubTest.kommunPassword(code));
                Connection core = core(port, user, HubTest.kommunPassword(code))) {
            hub.start();
            amqp.start();
            core.start();
            Session hubSession = hub.createSession(false, Session.AUTO_ACKNOWLEDGE);
            for (Connection connection : List.of(amqp, core)) {
                String protocol = connection == amqp ? "AMQP" : "CORE";
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                String marker = protocol + "-" + UUID.randomUUID();
                send(hubSession, Queues.kommunOut(code), "receipt " + marker);
                counter.expectAllowed("read its own .out over " + protocol,
                        () -> expectBody(session, Queues.kommunOut(code), "receipt " + marker));
                counter.expectAllowed("send on its own .in over " + protocol, () -> {
                    send(session, Queues.kommunIn(code), "order " + marker);
                    expectBody(hubSession, Queues.kommunIn(code), "order " + marker);
                });
            }

            Session amqpSession = amqp.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Session coreSession = core.createSession(false, Session.AUTO_ACKNOWLEDGE);
            ClientSession coreQueues = ((ActiveMQSession) coreSession).getCoreSession();
            counter.expectRefused("send on " + Queues.kommunIn(next), "SEND",
                    () -> send(amqpSession, Queues.kommunIn(next), "refused"));
            counter.expectRefused("send on " + Queues.kommunIn(next) + " over CORE", "SEND",
                    () -> send(coreSession, Queues.kommunIn(next), "refused"));
            counter.expectRefused("send on " + Queues.ORDER_TO_SUPPLIER, "SEND",
                    () -> send(amqpSession, Queues.ORDER_TO_SUPPLIER, "refused"));
            counter.expectRefused("read " + Queues.kommunOut(next), "CONSUME",
                    () -> amqpSession.createConsumer(amqpSession.createQueue(Queues.kommunOut(next))).close());
            counter.expectRefused("read " + Queues.DLQ_KOMMUN_INTAKE, "CONSUME",
                    () -> coreSession.createConsumer(coreSession.createQueue(Queues.DLQ_KOMMUN_INTAKE)).close());
            counter.expectRefused("browse its own " + Queues.kommunIn(code), "BROWSE",
                    () -> amqpSession.createBrowser(amqpSession.createQueue(Queues.kommunIn(code))).getEnumeration()
                            .hasMoreElements());
            counter.expectRefused("create a queue on its own " + Queues.kommunIn(code), "CREATE_DURABLE_QUEUE",
                    () -> coreQueues.createQueue(QueueConfiguration.of("probe-" + code + "-" + UUID.randomUUID())
                            .setAddress(Queues.kommunIn(code)).setRoutingType(RoutingType.ANYCAST).setDurable(true)));
            counter.expectRefused("delete its own " + Queues.kommunOut(code), "DELETE_DURABLE_QUEUE",
                    () -> coreQueues.deleteQueue(Queues.kommunOut(code)));
            counter.expectRefused("ask the management address", "MANAGE",
                    () -> send(coreSession, MANAGEMENT, "getQueueNames"));
        }
        return counter;
    }

    private static final int HUB_ALLOWED = 4;
    private static final int HUB_REFUSED = 4;

    /** The hub: its internal queues and dead-letter browsing, nothing a municipality's or the admin's. */
    private static AccessCounter hub(int port) throws Exception {
        var counter = new AccessCounter(StandaloneBroker.HUB_USER);
        try (Connection hub = core(port, StandaloneBroker.HUB_USER, StandaloneBroker.HUB_PASSWORD)) {
            hub.start();
            Session session = hub.createSession(false, Session.AUTO_ACKNOWLEDGE);
            counter.expectAllowed("hand on over " + Queues.ORDER_TO_SUPPLIER, () -> {
                send(session, Queues.ORDER_TO_SUPPLIER, "hand-off");
                expectBody(session, Queues.ORDER_TO_SUPPLIER, "hand-off");
            });
            counter.expectAllowed("browse " + Queues.DLQ_KOMMUN_INTAKE,
                    () -> session.createBrowser(session.createQueue(Queues.DLQ_KOMMUN_INTAKE)).getEnumeration()
                            .hasMoreElements());
            counter.expectAllowed("park on " + Queues.DLQ_BROKER, () -> {
                send(session, Queues.DLQ_BROKER, "parked");
                expectBody(session, Queues.DLQ_BROKER, "parked");
            });
            counter.expectRefused("browse " + Queues.kommunIn("1480"), "BROWSE",
                    () -> session.createBrowser(session.createQueue(Queues.kommunIn("1480"))).getEnumeration()
                            .hasMoreElements());
            counter.expectAllowed("replay onto " + Queues.kommunIn("1480"), () -> {
                send(session, Queues.kommunIn("1480"), "replayed");
                expectBody(session, Queues.kommunIn("1480"), "replayed");
            });
            counter.expectRefused("read " + Queues.kommunOut("1480"), "CONSUME",
                    () -> session.createConsumer(session.createQueue(Queues.kommunOut("1480"))).close());
            counter.expectRefused("delete " + Queues.ORDER_TO_SUPPLIER, "DELETE_DURABLE_QUEUE",
                    () -> ((ActiveMQSession) session).getCoreSession().deleteQueue(Queues.ORDER_TO_SUPPLIER));
            counter.expectRefused("ask the management address", "MANAGE",
                    () -> send(session, MANAGEMENT, "getQueueNames"));
        }
        return counter;
    }

    private static final int ADMIN_ALLOWED = 4;

    /** The admin: browse a municipality's queue and a dead-letter queue, create and delete a queue, ask management. */
    private static AccessCounter admin(int port) throws Exception {
        var counter = new AccessCounter(StandaloneBroker.ADMIN_USER);
        try (Connection admin = core(port, StandaloneBroker.ADMIN_USER, StandaloneBroker.ADMIN_PASSWORD)) {
            admin.start();
            Session session = admin.createSession(false, Session.AUTO_ACKNOWLEDGE);
            ClientSession queues = ((ActiveMQSession) session).getCoreSession();
            counter.expectAllowed("browse " + Queues.kommunIn("1480"),
                    () -> session.createBrowser(session.createQueue(Queues.kommunIn("1480"))).getEnumeration()
                            .hasMoreElements());
            counter.expectAllowed("browse " + Queues.DLQ_KOMMUN_INTAKE,
                    () -> session.createBrowser(session.createQueue(Queues.DLQ_KOMMUN_INTAKE)).getEnumeration()
                            .hasMoreElements());
            String probe = "nav.admin-probe-" + UUID.randomUUID();
            counter.expectAllowed("create and delete " + probe, () -> {
                queues.createAddress(SimpleString.of(probe), RoutingType.ANYCAST, true);
                queues.createQueue(QueueConfiguration.of(probe).setRoutingType(RoutingType.ANYCAST).setDurable(true));
                queues.deleteQueue(probe);
            });
            counter.expectAllowed("ask the management address for every queue", () -> {
                Map<String, Long> counts = BrokerQueues.messageCounts(port, StandaloneBroker.ADMIN_USER,
                        StandaloneBroker.ADMIN_PASSWORD);
                if (!counts.containsKey(Queues.kommunIn("1480")) || counts.containsKey(probe)) {
                    throw new IllegalStateException("management answered " + counts.keySet());
                }
            });
        }
        return counter;
    }

    /**
     * The hub's broker plugins: an AMQP message with a lone UTF-16 surrogate is refused at send (Qpid JMS,
     * proton-j, writes a frame the broker cannot read), so is one over the size limit (10 MiB); the
     * municipality's next message reaches the hub and nothing is left on its queue.
     */
    private static String unreadableAmqpMessage(int port, String code, AccessCounter counter) throws Exception {
        String user = HubTest.kommunUser(code);
        try (Connection hub = core(port, StandaloneBroker.HUB_USER, StandaloneBroker.HUB_PASSWORD);
                Connection amqp = new JmsConnectionFactory("amqp://127.0.0.1:" + port)
                        .createConnection(user, HubTest.kommunPassword(code))) {
            hub.start();
            amqp.start();
            Session session = amqp.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try {
                send(session, Queues.kommunIn(code), "{\"user\":\"Tolvan\uD800\"}");
                counter.wrong("could send an AMQP message with a lone surrogate");
            } catch (JMSSecurityException e) {
                counter.wrong("was refused the unreadable message for security: " + e.getMessage());
            } catch (JMSException refusedByTheGuard) {
                counter.countRefused();
            }
            try {
                send(session, Queues.kommunIn(code), "x".repeat(11 << 20));
                counter.wrong("could send a message of 11 MiB");
            } catch (JMSException refused) {
                if (String.valueOf(refused.getMessage()).contains("the broker takes at most 10485760 bytes")) {
                    counter.countRefused();
                } else {
                    counter.wrong("an 11 MiB message was refused, but not by the size limit: " + refused.getMessage());
                }
            }
            String good = "good after unreadable " + UUID.randomUUID();
            Session hubSession = hub.createSession(false, Session.AUTO_ACKNOWLEDGE);
            counter.expectAllowed("send a good message after the unreadable one", () -> {
                send(session, Queues.kommunIn(code), good);
                expectBody(hubSession, Queues.kommunIn(code), good);
            });
        }
        long left = BrokerQueues.messageCounts(port, StandaloneBroker.ADMIN_USER, StandaloneBroker.ADMIN_PASSWORD)
                .get(Queues.kommunIn(code));
        if (left != 0) {
            counter.wrong("left " + left + " message(s) on " + Queues.kommunIn(code));
        }
        return "unreadable AMQP message and an 11 MiB one refused at send, the next one delivered, " + left + " left on "
                + Queues.kommunIn(code);
    }

    private static Connection core(int port, String user, String password) throws JMSException {
        return new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port).createConnection(user, password);
    }

    private static void send(Session session, String queue, String body) throws JMSException {
        try (var producer = session.createProducer(session.createQueue(queue))) {
            producer.send(session.createTextMessage(body));
        }
    }

    /** Takes the next message from the queue and checks it is the one expected. */
    private static void expectBody(Session session, String queue, String body) throws JMSException {
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
            Message message = consumer.receive(RECEIVE.toMillis());
            if (message == null || !body.equals(message.getBody(String.class))) {
                throw new IllegalStateException("expected '" + body + "' on " + queue + ", got " + message);
            }
        }
    }
}
