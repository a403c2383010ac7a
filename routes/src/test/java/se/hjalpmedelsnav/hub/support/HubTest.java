package se.hjalpmedelsnav.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The hub as the tests run it: the embedded default (in-process Artemis with its journal, H2, the
 * supplier simulator over real HTTP), on free ports and in a fresh data folder.
 */
public final class HubTest {

    private HubTest() {
    }

    /**
     * The tag of every test class that starts a hub, in this JVM or as processes. They run in the integration-test
     * phase (failsafe), one after another; the classes that run the packaged hub as processes ({@link #HUB_PROCESSES})
     * run beside them, one such class at a time, since a hub process mostly waits for its own CPU and I/O.
     */
    public static final String STARTS_A_HUB = "starts-a-hub";

    /** The lock the classes that start hub processes hold: one of them at a time. */
    public static final String HUB_PROCESSES = "hub-processes";

    /** The embedded default's broker admin (may browse and manage everything): a test that reads a dead-letter queue logs in as it. */
    public static final String BROKER_ADMIN_USER = "admin";
    public static final String BROKER_ADMIN_PASSWORD = "admin-dev";

    /** An agreement party no test sends from, with usual hours all week: always BUSINESS_SILENCE. */
    public static final String SILENT_KOMMUN = "1419";

    /** The broker user of a municipality. */
    public static String kommunUser(String kommunCode) {
        return se.hjalpmedelsnav.broker.BrokerAccess.kommunUser(kommunCode);
    }

    /** Its documented development password on the embedded default: {@code kommun-<code>-dev}. */
    public static String kommunPassword(String kommunCode) {
        return se.hjalpmedelsnav.broker.BrokerCredentials.developmentPassword(kommunUser(kommunCode));
    }

    /**
     * A port nothing listens on, below Linux's ephemeral range (32768 and up): a port the kernel hands out
     * for {@code bind(0)} is also where outgoing connections take their local ports, and a test that starts
     * its servers a minute after choosing their ports found one taken by a client connection meanwhile.
     * Never the same port twice in one JVM; other JVMs are told apart by chance and the bind check.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = FIRST_PORT + RANDOM.nextInt(PORTS);
            if (CHOSEN.add(port) && bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + FIRST_PORT + " and " + (FIRST_PORT + PORTS));
    }

    private static final int FIRST_PORT = 20000;
    private static final int PORTS = 12000;
    private static final java.util.Random RANDOM = new java.security.SecureRandom();
    private static final java.util.Set<Integer> CHOSEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return socket.getLocalPort() == port;
        } catch (IOException taken) {
            return false;
        }
    }

    public static Path newDataDir() {
        try {
            return Files.createTempDirectory("hjalpmedelsnav-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the demo registry in the data folder, so a test may edit it while the hub runs. */
    public static Path registryCopy(Path dataDir) {
        Path copy = dataDir.resolve("registry.yaml");
        try {
            if (!Files.exists(copy)) {
                Files.copy(Path.of("../config/registry.yaml"), copy);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The properties of a hub on those ports and that folder. */
    public static Map<String, Object> embeddedHubProperties(int httpPort, int brokerPort, Path dataDir) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("server.port", httpPort);
        properties.put("nav.broker.port", brokerPort);
        properties.put("nav.data-dir", dataDir.toString());
        properties.put("nav.registry.file", registryCopy(dataDir).toString());
        properties.put("nav.simulator.confirm-delay", "50ms");
        properties.put("nav.simulator.deliver-delay", "300ms");
        // The same retries and parking as the default's 0.5 s doubling to 60 s, in a fifth of the time: 5 attempts
        // are parked after 1.5 s instead of 7.5 s.
        properties.put("nav.broker.redelivery.delay", "100ms");
        properties.put("nav.broker.redelivery.max-delay", "2s");
        // A silent municipality for the alerts: 1419 sends nothing in any test, and its usual hours are the whole week,
        // so BUSINESS_SILENCE is raised for it at the first check (AlertsInHubTest, the console's browser test).
        properties.put("nav.alerts.silence.hours." + SILENT_KOMMUN, "MON-SUN 00-24");
        return properties;
    }

    /** Registers the properties of a hub on those ports and that folder. */
    public static void embeddedHub(DynamicPropertyRegistry registry, int httpPort, int brokerPort, Path dataDir) {
        embeddedHubProperties(httpPort, brokerPort, dataDir).forEach((name, value) -> registry.add(name, () -> value));
    }
}
