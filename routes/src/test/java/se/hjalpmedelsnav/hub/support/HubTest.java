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

    /** The embedded default's broker admin (may browse and manage everything): a test that reads a dead-letter queue logs in as it. */
    public static final String BROKER_ADMIN_USER = "admin";
    public static final String BROKER_ADMIN_PASSWORD = "admin-dev";

    /** The broker user of a municipality. */
    public static String kommunUser(String kommunCode) {
        return se.hjalpmedelsnav.hub.broker.BrokerAccess.kommunUser(kommunCode);
    }

    /** Its documented development password on the embedded default: {@code kommun-<code>-dev}. */
    public static String kommunPassword(String kommunCode) {
        return se.hjalpmedelsnav.hub.broker.BrokerCredentials.developmentPassword(kommunUser(kommunCode));
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        return properties;
    }

    /** Registers the properties of a hub on those ports and that folder. */
    public static void embeddedHub(DynamicPropertyRegistry registry, int httpPort, int brokerPort, Path dataDir) {
        embeddedHubProperties(httpPort, brokerPort, dataDir).forEach((name, value) -> registry.add(name, () -> value));
    }
}
