package se.hjalpmedelsnav.hub.resilience;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.hjalpmedelsnav.hub.support.HubTest;

/**
 * The production broker pair on loopback, created and run by tools/broker/artemis-broker.sh as an operator would:
 * {@code --role primary} (docker/broker/broker-primary.xml) and {@code --role backup} (broker-backup.xml), each
 * naming the other as its peer (its client port and its replication port), replicating over the pair's own acceptor,
 * security on with the development passwords of {@link StandaloneBroker}. Only the active broker of the two takes
 * connections: the replica opens its ports when it takes over.
 */
final class BrokerPair implements AutoCloseable {

    /** Artemis's log codes: what each broker of the pair is doing. */
    static final String NOW_ACTIVE = "AMQ221007"; // Server is now active: also a backup that took over, in 2.56
    static final String BACKUP_SYNCHRONIZED = "AMQ221024"; // Backup server … is synchronized with primary server
    static final String REPLICATION_SYNC_TIMED_OUT = "AMQ229114"; // Replication synchronization process timed out
    static final String STOPPED = "AMQ221002"; // Apache Artemis Message Broker … stopped

    private final Broker primary;
    private final Broker backup;
    private final Map<String, String> environment;

    /** One broker of the pair: its instance folder, its clients' port and the pair's own (replication) port. */
    record Broker(String role, Path instance, int port, int replicationPort) {

        Path console() {
            return instance.resolve("log/console.log");
        }

        String logSince(long offset) {
            try {
                byte[] bytes = Files.exists(console()) ? Files.readAllBytes(console()) : new byte[0];
                return offset >= bytes.length ? ""
                        : new String(bytes, (int) offset, bytes.length - (int) offset, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        long logSize() {
            try {
                return Files.exists(console()) ? Files.size(console()) : 0;
            } catch (IOException e) {
                return 0;
            }
        }

        /** Whether the broker takes connections: only the active one of the pair does. */
        boolean listens() {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        /**
         * The broker's JVM: the script records the pid of what it started ({@code bin/artemis run}); if that is a
         * shell still waiting for its java child, the child is the broker.
         */
        ProcessHandle jvm() {
            try {
                long pid = Long.parseLong(Files.readString(instance.resolve("data/hub-broker.pid")).trim());
                ProcessHandle started = ProcessHandle.of(pid).orElseThrow(
                        () -> new IllegalStateException(role + " broker (pid " + pid + ") is not running"));
                if (isJava(started)) {
                    return started;
                }
                return started.descendants().filter(BrokerPair::isJava).findFirst().orElseThrow(
                        () -> new IllegalStateException(role + " broker: no java process under pid " + pid));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private BrokerPair(Broker primary, Broker backup, Map<String, String> environment) {
        this.primary = primary;
        this.backup = backup;
        this.environment = environment;
    }

    /**
     * Creates both instances in {@code dir} (as {@code artemis-broker.sh create --role primary|backup}) and starts the
     * primary, then the backup; returns once the backup has synchronised its replica with the primary.
     */
    static BrokerPair start(Path dir, int primaryPort, int backupPort, Duration timeout) throws Exception {
        BrokerPair pair = startPrimary(dir, primaryPort, backupPort);
        long backupFrom = pair.backup.logSize();
        pair.startBroker(pair.backup);
        pair.awaitLog(pair.backup, backupFrom, BACKUP_SYNCHRONIZED, timeout);
        return pair;
    }

    /**
     * Creates both instances in {@code dir} and starts only the primary; {@link #restart} starts the backup (for the
     * first time), which then synchronises with the primary.
     */
    static BrokerPair startPrimary(Path dir, int primaryPort, int backupPort) throws Exception {
        Path credentials = StandaloneBroker.developmentCredentials(dir.resolve("broker-credentials.properties"));
        // The cluster password is the pair's own (the backup logs in to the primary with it): given to the broker at
        // every start, as compose does, never written into the instance.
        var environment = Map.of("NAV_BROKER_CLUSTER_PASSWORD", "pair-" + UUID.randomUUID());
        var pair = new BrokerPair(new Broker("primary", dir.resolve("primary"), primaryPort, HubTest.freePort()),
                new Broker("backup", dir.resolve("backup"), backupPort, HubTest.freePort()), environment);
        for (Broker broker : List.of(pair.primary, pair.backup)) {
            Broker peer = broker == pair.primary ? pair.backup : pair.primary;
            StandaloneBroker.script(environment, "create", broker.instance().toString(), "--role", broker.role(),
                    "--port", Integer.toString(broker.port()), "--host", "127.0.0.1", "--advertised-host",
                    "127.0.0.1", "--peer-host", "127.0.0.1", "--peer-port", Integer.toString(peer.port()),
                    "--replication-port", Integer.toString(broker.replicationPort()), "--peer-replication-port",
                    Integer.toString(peer.replicationPort()),
                    "--memory", "384M", "--registry", StandaloneBroker.REGISTRY.toString(), "--credentials-file",
                    credentials.toString(), "--allow-development-passwords");
        }
        // Whatever happens to the test JVM, the brokers do not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.of(pair.primary, pair.backup).forEach(broker -> {
            try {
                broker.jvm().destroyForcibly();
            } catch (RuntimeException ignored) {
                // not running
            }
        })));
        pair.startBroker(pair.primary);
        return pair;
    }

    Broker primary() {
        return primary;
    }

    Broker backup() {
        return backup;
    }

    /** The hub's URL for the pair, as config/application-prod.yml and docker/compose.yaml give it. */
    String hubUrl() {
        return "(tcp://127.0.0.1:" + primary.port() + ",tcp://127.0.0.1:" + backup.port()
                + ")?ha=true&reconnectAttempts=-1&retryInterval=1000&retryIntervalMultiplier=1.5&maxRetryInterval=30000";
    }

    /** A municipality's Qpid JMS URL for the pair, as the README gives it (without TLS: the test's brokers have none). */
    String clientUrl() {
        return "failover:(amqp://127.0.0.1:" + primary.port() + ",amqp://127.0.0.1:" + backup.port()
                + ")?failover.initialReconnectDelay=100&failover.reconnectDelay=250&failover.maxReconnectDelay=2000"
                + "&failover.useReconnectBackOff=true&failover.maxReconnectAttempts=-1"
                + "&failover.amqpOpenServerListAction=IGNORE";
    }

    /** The port of the broker that takes connections now, the primary's first; -1 when neither does. */
    int activePort() {
        return primary.listens() ? primary.port() : backup.listens() ? backup.port() : -1;
    }

    /** SIGKILL to the broker's own JVM (not to a wrapper shell): no shutdown, nothing flushed. */
    void kill(Broker broker) throws InterruptedException {
        ProcessHandle jvm = broker.jvm();
        if (!jvm.destroyForcibly()) {
            throw new IllegalStateException("could not kill the " + broker.role() + " broker (pid " + jvm.pid() + ")");
        }
        jvm.onExit().join();
    }

    /** Starts that broker (again) on its instance (its journal as the kill left it). */
    void restart(Broker broker) throws Exception {
        startBroker(broker);
    }

    private void startBroker(Broker broker) throws Exception {
        StandaloneBroker.script(environment, "start", broker.instance().toString());
    }

    /** Waits until the broker's log shows {@code code} after {@code offset}; returns when it did. */
    long awaitLog(Broker broker, long offset, String code, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!broker.logSince(offset).contains(code)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the " + broker.role() + " broker did not log " + code + " within "
                        + timeout + ":\n" + JavaProcess.tail(broker.logSince(offset), 4000));
            }
            JavaProcess.pause(100);
        }
        return System.nanoTime();
    }

    private static boolean isJava(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("/java")).orElse(false);
    }

    /** Stops both (SIGTERM through the script), and kills what did not stop. */
    @Override
    public void close() {
        for (Broker broker : List.of(backup, primary)) {
            try {
                StandaloneBroker.script(environment, "stop", broker.instance().toString());
            } catch (Exception e) {
                try {
                    broker.jvm().destroyForcibly();
                } catch (RuntimeException ignored) {
                    // not running
                }
            }
        }
    }
}
