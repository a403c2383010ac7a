package se.hjalpmedelsnav.hub.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import se.hjalpmedelsnav.hub.support.HubTest;

/**
 * The production broker pair while its replica joins under load: the primary alone busy with municipalities' clients,
 * then the backup started and synchronising with it. The pair is created and run by tools/broker/artemis-broker.sh
 * ({@code --role primary|backup}, docker/broker/broker-*.xml, replication, security on); 20 AMQP connections (Qpid
 * JMS, {@code amqp://} to the primary only, as the broker's admin) each send persistent messages to a municipality's
 * {@code .out} queue and read them back, acknowledging every one, with a bounded number in flight. The backup copies
 * the primary's journal and reports itself synchronised ({@code AMQ221024}); for the 35 seconds after that (longer than
 * Artemis's 30 s {@code initial-replication-sync-timeout}) the primary must not time out the synchronisation
 * ({@code AMQ229114}), must not stop ({@code AMQ221002}), must still take connections, and the messages must keep
 * flowing: more of them received in every 5-second window. At the end the load stops and every message the broker
 * confirmed is received.
 *
 * <p>This failed with the pair's configuration before the replication got its own acceptor (commit 48c6bc6), in 3 of 3
 * runs: Artemis handles AMQP acknowledgements on the acceptor's threads, where they waited for the journal lock the
 * primary holds until the replica confirms; the replica's confirmation came in on one of those same threads and never
 * got through, so after 30 s the primary logged AMQ229114, stopped itself, and the flow stood still. Now the pair
 * replicates over its own port ({@code --replication-port}), away from the clients' threads.
 *
 * <p>Why the backup joins rather than being killed and restarted: killing the replica under this load is a second,
 * open finding (README "Broker fail-over"): in some runs the primary stopped confirming sends from the moment the
 * replica died, before any synchronisation. This test keeps to the synchronisation, which it proves.
 *
 * <p>The counts (synchronisation time, stalled windows, messages through the active broker) go to the build log in a
 * line starting with {@code RESILIENCE}.
 */
@Tag(HubTest.STARTS_A_HUB)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(HubTest.HUB_PROCESSES)
class ReplicaResyncUnderLoadIT {

    private static final int CONNECTIONS = 20;
    /** Messages sent and not yet received, per connection (all connections share one bound). */
    private static final int IN_FLIGHT_PER_CONNECTION = 150;
    private static final Duration WARM_UP = Duration.ofSeconds(8);
    private static final Duration SYNC_TIMEOUT = Duration.ofMinutes(2);
    /** Longer than Artemis's initial-replication-sync-timeout (30 s), after which the old configuration gave up. */
    private static final Duration OBSERVE = Duration.ofSeconds(35);
    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final String FILLER = "x".repeat(200);

    @Test
    void theReplicaJoinsUnderAmqpLoadAndTheActiveBrokerNeitherTimesOutNorStalls() throws Exception {
        Path data = County.dataDir("replica-resync");
        int primaryPort = HubTest.freePort();
        int backupPort = HubTest.freePort();
        List<String> codes = StandaloneBroker.kommunCodes();
        String synchronised = "not synchronised";
        long stalledWindows = -1;
        boolean reported = false;

        try (BrokerPair pair = BrokerPair.startPrimary(data.resolve("brokers"), primaryPort, backupPort);
                Load load = new Load(primaryPort, codes)) {
            long loadStarted = System.nanoTime();
            JavaProcess.pause(WARM_UP.toMillis());
            assertThat(load.received.get()).as("messages received through the primary before the backup starts")
                    .isPositive();

            long primaryLog = pair.primary().logSize();
            long backupLog = pair.backup().logSize();
            long startedAt = System.nanoTime();
            pair.restart(pair.backup()); // its first start: returns once it waits as the passive one (AMQ221109)
            long waitingAt = System.nanoTime();
            long synchronisedAt = pair.awaitLog(pair.backup(), backupLog, BrokerPair.BACKUP_SYNCHRONIZED,
                    SYNC_TIMEOUT);
            synchronised = "%.1f s after its start (waiting as the replica after %.1f s)".formatted(
                    (synchronisedAt - startedAt) / 1e9, (waitingAt - startedAt) / 1e9);

            // Every 5 s for 35 s: how many messages came through in that window.
            var windows = new ArrayList<Long>();
            long before = load.received.get();
            long windowEnd = System.nanoTime();
            for (int w = 0; w < OBSERVE.dividedBy(WINDOW); w++) {
                windowEnd += WINDOW.toNanos();
                JavaProcess.pause(Math.max(0, (windowEnd - System.nanoTime()) / 1_000_000));
                long now = load.received.get();
                windows.add(now - before);
                before = now;
            }
            stalledWindows = windows.stream().filter(n -> n == 0).count();
            String primarySince = pair.primary().logSince(primaryLog);
            String context = "messages received per 5 s after the backup synchronised: " + windows + "; "
                    + load.counts() + "; load errors: " + load.errors() + "; the primary's log since the backup's start:\n"
                    + JavaProcess.tail(primarySince, 4000);
            System.out.println("[replica joins under load] backup synchronised " + synchronised
                    + "; messages received per 5 s after that: " + windows + "; " + load.counts());

            assertThat(primarySince).as("the primary timed out the replica's synchronisation ("
                    + BrokerPair.REPLICATION_SYNC_TIMED_OUT + ": the replica's confirmation did not get through while"
                    + " clients acknowledged); " + context).doesNotContain(BrokerPair.REPLICATION_SYNC_TIMED_OUT);
            assertThat(primarySince).as("the primary stopped (" + BrokerPair.STOPPED + "); " + context)
                    .doesNotContain(BrokerPair.STOPPED);
            assertThat(pair.primary().listens()).as("the primary still takes connections; " + context).isTrue();
            assertThat(windows).as("the messages through the active broker never stood still: a window with none"
                    + " received means the broker held its clients (waiting on the replica); " + context)
                    .allMatch(n -> n > 0);

            long through = load.stopAndDrain(Duration.ofSeconds(30));
            double seconds = (System.nanoTime() - loadStarted) / 1e9;
            System.out.println(("RESILIENCE [replica joins under AMQP load] backup synchronised %s, active broker"
                    + " stalls=%d (5 s windows of 7 with nothing through), %s=0, messages through the active broker=%d"
                    + " (about %.0f/s over %d connections)").formatted(synchronised, stalledWindows,
                    BrokerPair.REPLICATION_SYNC_TIMED_OUT, through, through / seconds, CONNECTIONS));
            reported = true;
            assertThat(load.errors()).as("errors of the clients' connections").isEmpty();
            assertThat(load.received.get()).as("every message the primary confirmed was received (drained)")
                    .isEqualTo(load.confirmed.get());
        } finally {
            if (!reported) {
                System.out.println(("RESILIENCE [replica joins under AMQP load] FAILED: backup synchronised %s,"
                        + " active broker stalls=%d").formatted(synchronised, stalledWindows));
            }
        }
    }

    /**
     * The clients: per connection a producer sending persistent messages asynchronously (the broker confirms each)
     * and a consumer acknowledging each message it receives (auto-acknowledge), on one municipality's out queue.
     */
    private static final class Load implements AutoCloseable {

        final AtomicLong received = new AtomicLong();
        final AtomicLong confirmed = new AtomicLong();
        private final AtomicLong sent = new AtomicLong();
        private final Semaphore inFlight = new Semaphore(CONNECTIONS * IN_FLIGHT_PER_CONNECTION);
        private final Queue<String> errors = new ConcurrentLinkedQueue<>();
        private final List<Connection> connections = new ArrayList<>();
        private final List<Thread> senders = new ArrayList<>();
        private volatile boolean stopping;

        Load(int port, List<String> codes) throws JMSException {
            var factory = new JmsConnectionFactory(StandaloneBroker.ADMIN_USER, StandaloneBroker.ADMIN_PASSWORD,
                    "amqp://127.0.0.1:" + port + "?jms.closeTimeout=5000"); // a stalled broker: no 60 s per close
            for (int i = 0; i < CONNECTIONS; i++) {
                String queueName = "nav.kommun." + codes.get(i % codes.size()) + ".out";
                Connection connection = factory.createConnection();
                connections.add(connection);
                connection.setExceptionListener(e -> errors.add(queueName + ": " + e));
                Session receiving = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageConsumer consumer = receiving.createConsumer(receiving.createQueue(queueName));
                consumer.setMessageListener(message -> {
                    received.incrementAndGet();
                    inFlight.release();
                });
                Session sending = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = sending.createProducer(sending.createQueue(queueName));
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                connection.start();
                Thread sender = new Thread(() -> send(sending, producer, queueName), "load-" + queueName + "-" + i);
                sender.setDaemon(true);
                senders.add(sender);
            }
            senders.forEach(Thread::start);
        }

        private void send(Session session, MessageProducer producer, String queueName) {
            var listener = new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    confirmed.incrementAndGet();
                }

                @Override
                public void onException(Message message, Exception exception) {
                    errors.add(queueName + " send: " + exception);
                }
            };
            try {
                while (!stopping) {
                    if (!inFlight.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                        continue;
                    }
                    producer.send(session.createTextMessage(FILLER), listener);
                    sent.incrementAndGet();
                }
            } catch (JMSException | RuntimeException e) {
                errors.add(queueName + " send: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** What the clients sent, what the broker confirmed of it, what they received. */
        String counts() {
            return "sent=%d, confirmed by the broker=%d, received=%d".formatted(sent.get(), confirmed.get(),
                    received.get());
        }

        List<String> errors() {
            return List.copyOf(errors).stream().limit(5).toList();
        }

        /** Stops sending, waits until every send is confirmed and every confirmed message received; the total. */
        long stopAndDrain(Duration timeout) throws InterruptedException {
            stopping = true;
            for (Thread sender : senders) {
                sender.join(5000);
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while ((confirmed.get() < sent.get() || received.get() < confirmed.get()) && errors.isEmpty()
                    && System.nanoTime() < deadline) {
                JavaProcess.pause(100);
            }
            return received.get();
        }

        @Override
        public void close() {
            stopping = true;
            connections.parallelStream().forEach(connection -> {
                try {
                    connection.close();
                } catch (JMSException | RuntimeException ignored) {
                    // the broker may be gone
                }
            });
        }
    }
}
