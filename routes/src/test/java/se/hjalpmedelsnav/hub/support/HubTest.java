package se.hjalpmedelsnav.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The hub as the tests run it: the embedded default (in-process Artemis with its journal, H2, the
 * supplier simulator over real HTTP), on free ports and in a fresh data folder.
 */
public final class HubTest {

    private HubTest() {
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

    /** Registers the properties of a hub on those ports and that folder. */
    public static void embeddedHub(DynamicPropertyRegistry registry, int httpPort, int brokerPort, Path dataDir) {
        registry.add("server.port", () -> httpPort);
        registry.add("nav.broker.port", () -> brokerPort);
        registry.add("nav.data-dir", dataDir::toString);
        registry.add("nav.registry.file", () -> "../config/registry.yaml");
        registry.add("nav.simulator.confirm-delay", () -> "50ms");
        registry.add("nav.simulator.deliver-delay", () -> "300ms");
    }
}
