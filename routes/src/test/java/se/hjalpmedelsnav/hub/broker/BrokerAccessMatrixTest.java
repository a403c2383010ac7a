package se.hjalpmedelsnav.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQSession;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import se.hjalpmedelsnav.hub.support.EmbeddedHubTest;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.mappings.registry.Municipality;
import se.hjalpmedelsnav.mappings.registry.RegistrySource;
import se.hjalpmedelsnav.broker.Queues;

/**
 * Every municipality of the registry against every municipality's queues and a sample of the hub's
 * internal ones: only sending on its own {@code .in} and consuming its own {@code .out} is allowed;
 * everything else is refused by the broker with a security error naming the permission (AMQP
 * {@code amqp:unauthorized-access}, which Qpid JMS raises as {@link JMSSecurityException}; CORE
 * {@link ActiveMQSecurityException}). Send, consume and browse run over AMQP 1.0 (Qpid JMS) against
 * every queue; creating and deleting queues over CORE, which has those operations, against every queue;
 * send, consume and browse over CORE (Artemis JMS) against the municipality's own queues, the next
 * municipality's and the internal sample, so that every queue is also probed over CORE by someone.
 * One connection per municipality and protocol; a refusal leaves the session open, so sessions are reused.
 */
class BrokerAccessMatrixTest extends EmbeddedHubTest {

    private static final Logger log = LoggerFactory.getLogger(BrokerAccessMatrixTest.class);

    /** Internal queues no municipality may touch: supplier hand-offs, events, dead letters, expiry. */
    private static final List<String> INTERNAL_SAMPLE = List.of(Queues.ORDER_TO_SUPPLIER, Queues.SUPPLIER_EVENTS,
            Queues.DLQ_KOMMUN_INTAKE, Queues.DLQ_ORDER_TO_SUPPLIER, Queues.DLQ_BROKER, Queues.EXPIRED);

    @Autowired
    RegistrySource registry;

    /** What one municipality was allowed and refused, and whatever did not go as the rules say. */
    private record Tally(int allowed, int refused, List<String> wrong) {
    }

    @Test
    void everyMunicipalityMayOnlySendToItsOwnInAndConsumeItsOwnOut() throws Exception {
        List<String> codes = registry.current().municipalities().stream().map(Municipality::code).toList();
        assertThat(codes).as("all municipalities of the demo registry").hasSize(49);

        List<Tally> tallies = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (AutoCloseable quiet = AccessCounter.quietRefusedLinkWarnings()) {
            List<Future<Tally>> futures = new ArrayList<>();
            for (String code : codes) {
                futures.add(pool.submit(() -> probe(code, codes)));
            }
            for (Future<Tally> future : futures) {
                tallies.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        int allowed = tallies.stream().mapToInt(Tally::allowed).sum();
        int refused = tallies.stream().mapToInt(Tally::refused).sum();
        List<String> wrong = tallies.stream().flatMap(t -> t.wrong().stream()).toList();
        String summary = String.format("Broker access matrix: %d municipalities x %d queues (%d municipality queues + %d"
                + " internal; AMQP send/consume/browse and CORE create/delete queue on all, CORE send/consume/browse on"
                + " %d each): %d allowed, %d refused by the broker, %d not as the rules say", codes.size(),
                codes.size() * 2 + INTERNAL_SAMPLE.size(), codes.size() * 2, INTERNAL_SAMPLE.size(),
                4 + INTERNAL_SAMPLE.size(), allowed, refused, wrong.size());
        log.info(summary);
        System.out.println(summary);
        Files.writeString(Path.of("target", "broker-access-matrix.txt"), summary + System.lineSeparator());

        assertThat(wrong).as(summary).isEmpty();
        int queues = codes.size() * 2 + INTERNAL_SAMPLE.size();
        // Per municipality: AMQP send own .in, AMQP consume own .out, CORE the same two; everything else refused.
        int coreQueues = 4 + INTERNAL_SAMPLE.size();
        assertThat(allowed).isEqualTo(codes.size() * 4);
        assertThat(refused).isEqualTo(codes.size() * (queues * 5 - 2 + coreQueues * 3 - 2));
    }

    private Tally probe(String code, List<String> codes) throws Exception {
        String user = HubTest.kommunUser(code);
        String password = HubTest.kommunPassword(code);
        var counter = new AccessCounter(user);
        List<String> queues = new ArrayList<>();
        for (String other : codes) {
            queues.add(Queues.kommunIn(other));
            queues.add(Queues.kommunOut(other));
        }
        queues.addAll(INTERNAL_SAMPLE);
        String next = codes.get((codes.indexOf(code) + 1) % codes.size());
        List<String> overCore = new ArrayList<>(List.of(Queues.kommunIn(code), Queues.kommunOut(code),
                Queues.kommunIn(next), Queues.kommunOut(next)));
        overCore.addAll(INTERNAL_SAMPLE);

        try (Connection amqp = new JmsConnectionFactory("amqp://127.0.0.1:" + BROKER_PORT).createConnection(user, password);
                Connection core = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT)
                        .createConnection(user, password)) {
            amqp.start();
            core.start();
            Session amqpSession = amqp.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Session coreSession = core.createSession(false, Session.AUTO_ACKNOWLEDGE);
            ClientSession coreQueues = ((ActiveMQSession) coreSession).getCoreSession();

            roundTrip(counter, "AMQP", amqpSession, code);
            roundTrip(counter, "CORE", coreSession, code);

            for (String queue : queues) {
                boolean ownIn = queue.equals(Queues.kommunIn(code));
                boolean ownOut = queue.equals(Queues.kommunOut(code));
                boolean alsoCore = overCore.contains(queue);
                if (!ownIn) {
                    counter.expectRefused("send over AMQP to " + queue, "SEND",
                            () -> amqpSession.createProducer(amqpSession.createQueue(queue)).close());
                    if (alsoCore) {
                        counter.expectRefused("send over CORE to " + queue, "SEND",
                                () -> send(coreSession, queue, "refused"));
                    }
                }
                if (!ownOut) {
                    counter.expectRefused("consume over AMQP from " + queue, "CONSUME",
                            () -> amqpSession.createConsumer(amqpSession.createQueue(queue)).close());
                    if (alsoCore) {
                        counter.expectRefused("consume over CORE from " + queue, "CONSUME",
                                () -> coreSession.createConsumer(coreSession.createQueue(queue)).close());
                    }
                }
                counter.expectRefused("browse over AMQP " + queue, "BROWSE",
                        () -> amqpSession.createBrowser(amqpSession.createQueue(queue)).getEnumeration().hasMoreElements());
                if (alsoCore) {
                    counter.expectRefused("browse over CORE " + queue, "BROWSE",
                            () -> coreSession.createBrowser(coreSession.createQueue(queue)).getEnumeration()
                                    .hasMoreElements());
                }
                counter.expectRefused("create a queue on " + queue, "CREATE_DURABLE_QUEUE",
                        () -> coreQueues.createQueue(QueueConfiguration.of("matrix-" + code + "-" + UUID.randomUUID())
                                .setAddress(queue).setRoutingType(RoutingType.ANYCAST).setDurable(true)));
                counter.expectRefused("delete " + queue, "DELETE_DURABLE_QUEUE", () -> coreQueues.deleteQueue(queue));
            }
        }
        return new Tally(counter.allowed(), counter.refused(), counter.wrong());
    }

    /**
     * What the municipality may do, done for real: send on its own {@code .in} and get the hub's receipt
     * from its own {@code .out} (an unreadable body, answered MALFORMED under the sender's correlation id).
     */
    private static void roundTrip(AccessCounter counter, String protocol, Session session, String code) {
        String correlationId = "matrix-" + protocol + "-" + code + "-" + UUID.randomUUID();
        try (var receipts = session.createConsumer(session.createQueue(Queues.kommunOut(code)),
                "JMSCorrelationID = '" + correlationId + "'")) {
            counter.countAllowed(); // consuming the own .out
            var probe = session.createTextMessage("not a message of the contract");
            probe.setJMSCorrelationID(correlationId);
            session.createProducer(session.createQueue(Queues.kommunIn(code))).send(probe);
            counter.countAllowed(); // sending on the own .in
            Message receipt = receipts.receive(60_000);
            if (receipt == null || !receipt.getBody(String.class).contains("MALFORMED")) {
                counter.wrong("got no MALFORMED receipt over " + protocol + ": " + receipt);
            }
        } catch (JMSException e) {
            counter.wrong("could not use its own queues over " + protocol + ": " + e);
        }
    }

    private static void send(Session session, String queue, String body) throws JMSException {
        try (var producer = session.createProducer(session.createQueue(queue))) {
            producer.send(session.createTextMessage(body));
        }
    }

    @Test
    void refusesAWrongPasswordAnotherMunicipalitysPasswordAndNoCredentials() {
        String amqp = "amqp://127.0.0.1:" + BROKER_PORT;
        String core = "tcp://127.0.0.1:" + BROKER_PORT;

        assertThatThrownBy(() -> new JmsConnectionFactory(amqp).createConnection("kommun-1480", "wrong").start())
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> new JmsConnectionFactory(amqp)
                .createConnection("kommun-1480", HubTest.kommunPassword("1481")).start())
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> new JmsConnectionFactory(amqp).createConnection().start())
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> new ActiveMQConnectionFactory(core).createConnection("kommun-1480", "wrong"))
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> new ActiveMQConnectionFactory(core).createConnection())
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void letsTheAdminBrowseAndTheHubOnlyWhatItsRoutesNeed() throws Exception {
        try (Connection admin = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT)
                .createConnection("admin", "admin-dev")) {
            Session session = admin.createSession(false, Session.AUTO_ACKNOWLEDGE);
            // Browsing a municipality's queue and a dead-letter queue: allowed, whatever is on them.
            session.createBrowser(session.createQueue(Queues.kommunIn("1480"))).getEnumeration().hasMoreElements();
            session.createBrowser(session.createQueue(Queues.DLQ_KOMMUN_INTAKE)).getEnumeration().hasMoreElements();
        }
        try (Connection hub = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT)
                .createConnection("hub", "hub-dev")) {
            Session session = hub.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var counter = new AccessCounter("hub");
            counter.expectRefused("browse " + Queues.kommunIn("1480"), "BROWSE",
                    () -> session.createBrowser(session.createQueue(Queues.kommunIn("1480"))).getEnumeration()
                            .hasMoreElements());
            counter.expectRefused("consume from " + Queues.kommunOut("1480"), "CONSUME",
                    () -> session.createConsumer(session.createQueue(Queues.kommunOut("1480"))).close());
            counter.expectRefused("delete " + Queues.ORDER_TO_SUPPLIER, "DELETE_DURABLE_QUEUE",
                    () -> ((ActiveMQSession) session).getCoreSession().deleteQueue(Queues.ORDER_TO_SUPPLIER));
            assertThat(counter.wrong()).isEmpty();
            assertThat(counter.refused()).isEqualTo(3);
        }
    }
}
