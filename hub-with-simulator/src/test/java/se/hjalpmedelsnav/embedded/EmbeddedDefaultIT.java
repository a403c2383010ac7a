package se.hjalpmedelsnav.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What ships: the embedded default's jar (README, command 1) is the hub with the supplier simulator
 * in-process; the production hub's jar (routes, the Dockerfile's) holds no simulator.
 */
class EmbeddedDefaultIT {

    private static final Path PROJECT = Path.of(System.getProperty("user.dir")).getParent();
    private static final String VERSION_JAR = "-0.1.0-SNAPSHOT-plain.jar";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theProductionHubJarHoldsTheHubAndItsBrokerPluginsButNoSupplierSimulator() throws IOException {
        List<String> entries = entries(jar("nav.test.hub-jar"));

        assertThat(entries).contains("BOOT-INF/classes/se/hjalpmedelsnav/hub/HubApplication.class");
        assertThat(entries).anyMatch(entry -> entry.matches("BOOT-INF/lib/broker-plugins-[^/]*\\.jar"));
        assertThat(entries).noneMatch(entry -> entry.contains("simulator"));
    }

    @Test
    void theEmbeddedDefaultJarIsTheHubWithTheSupplierSimulator() throws IOException {
        Path jar = jar("nav.test.embedded-default-jar");
        List<String> entries = entries(jar);

        assertThat(entries).contains("BOOT-INF/lib/routes" + VERSION_JAR, "BOOT-INF/lib/supplier-simulator" + VERSION_JAR);
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Start-Class"))
                    .isEqualTo("se.hjalpmedelsnav.hub.HubApplication");
        }
    }

    @Test
    void startsTheHubWithTheSupplierSimulatorInProcessAndTheHubsSecurityInFrontOfTheRest(@TempDir Path data)
            throws Exception {
        int httpPort = freePort();
        Path log = data.resolve("hub.log");
        // Command 1 of the README, from the project's root, on free ports and with its state in a folder of its own.
        Process hub = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m", "-jar",
                jar("nav.test.embedded-default-jar").toString(), "--server.port=" + httpPort,
                "--nav.broker.port=" + freePort(), "--nav.data-dir=" + data)
                .directory(PROJECT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            try {
                awaitLine(hub, log, "Started HubApplication", Duration.ofMinutes(5));
            } catch (RuntimeException notReady) {
                throw new AssertionError(notReady.getMessage() + "\n" + tail(log), notReady);
            }

            // Started is logged before every health contributor has its first answer (the routes' consumers and the
            // broker connections come up just after): on a loaded machine the first reading can still be DOWN.
            await("the hub's health UP").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> get(httpPort, "/actuator/health").body(), body -> body.contains("\"status\":\"UP\""));
            HttpResponse<String> orders = get(httpPort, "/simulator/admin/orders");
            assertThat(orders.statusCode()).as("the simulator's admin side, in-process").isEqualTo(200);
            assertThat(orders.body()).startsWith("[");
            // A POST without login or CSRF token: the simulator's own filter chain lets /simulator/** through.
            HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(uri(httpPort, "/simulator/oauth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=hjalpmedelsnav-dev"
                            + "&client_secret=dev-secret-not-for-production")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            assertThat(token.body()).contains("\"access_token\"");
            assertThat(get(httpPort, "/api/admin/messages?kommunCode=1480").statusCode())
                    .as("the hub's own paths still need a login").isEqualTo(401);
        } finally {
            hub.destroy();
            if (!hub.waitFor(90, TimeUnit.SECONDS)) {
                hub.destroyForcibly().waitFor();
            }
        }
        assertThat(hub.exitValue()).as("SIGTERM: a graceful stop").isIn(0, 143);
    }

    private static Path jar(String property) {
        Path jar = Path.of(System.getProperty(property, "(" + property + " not set)"));
        assertThat(jar).as("the packaged jar (mvn package first)").isRegularFile();
        return jar;
    }

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return Collections.list(file.entries()).stream().map(entry -> entry.getName()).toList();
        }
    }

    private static void awaitLine(Process process, Path log, String line, Duration timeout) {
        await("the hub logging " + line).atMost(timeout).pollInterval(Duration.ofMillis(250))
                .failFast("the hub exited before it was ready", () -> !process.isAlive())
                .until(() -> Files.readString(log, StandardCharsets.UTF_8).contains(line));
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(port, path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
