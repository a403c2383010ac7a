package se.hjalpmedelsnav.hub.resilience;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import se.hjalpmedelsnav.broker.BrokerCredentials;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.mappings.registry.InvalidRegistryException;
import se.hjalpmedelsnav.mappings.registry.Municipality;
import se.hjalpmedelsnav.mappings.registry.RegistryLoader;

/**
 * The standalone Artemis broker, created and run by tools/broker/artemis-broker.sh as an operator would, with
 * security on: its users are those of the registry (config/registry.yaml) with the documented development
 * passwords of the embedded default ({@code hub}/{@code hub-dev}, {@code admin}/{@code admin-dev},
 * {@code kommun-<code>}/{@code kommun-<code>-dev}), written into a credentials file next to the instance,
 * which the script accepts only with {@code --allow-development-passwords}.
 */
final class StandaloneBroker implements AutoCloseable {

    static final String HUB_USER = "hub";
    static final String HUB_PASSWORD = BrokerCredentials.developmentPassword(HUB_USER);
    static final String ADMIN_USER = HubTest.BROKER_ADMIN_USER;
    static final String ADMIN_PASSWORD = HubTest.BROKER_ADMIN_PASSWORD;
    static final Path REGISTRY = JavaProcess.PROJECT.resolve("config/registry.yaml");

    private final Path instance;
    private final int port;

    private StandaloneBroker(Path instance, int port) {
        this.instance = instance;
        this.port = port;
    }

    /** Creates a standalone instance (the hub's docker/broker/broker.xml) on that port and starts it. */
    static StandaloneBroker start(Path instance, int port) throws Exception {
        Path credentials = developmentCredentials(instance.resolveSibling(instance.getFileName() + "-credentials.properties"));
        script("create", instance.toString(), "--role", "standalone", "--port", Integer.toString(port), "--host",
                "127.0.0.1", "--memory", "384M", "--registry", REGISTRY.toString(), "--credentials-file",
                credentials.toString(), "--allow-development-passwords");
        var broker = new StandaloneBroker(instance, port);
        script("start", instance.toString());
        return broker;
    }

    /** The codes of every municipality of the registry, each of which has its broker user. */
    static List<String> kommunCodes() throws InvalidRegistryException {
        return new RegistryLoader().load(REGISTRY).municipalities().stream().map(Municipality::code).toList();
    }

    int port() {
        return port;
    }

    static Path developmentCredentials(Path file) throws IOException, InvalidRegistryException {
        var lines = new ArrayList<String>();
        lines.add("# development passwords of the embedded default: tests only");
        lines.add(HUB_USER + "=" + HUB_PASSWORD);
        lines.add(ADMIN_USER + "=" + ADMIN_PASSWORD);
        for (String code : kommunCodes()) {
            lines.add(HubTest.kommunUser(code) + "=" + HubTest.kommunPassword(code));
        }
        Files.createDirectories(file.getParent());
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static void script(String... arguments) throws IOException, InterruptedException {
        script(java.util.Map.of(), arguments);
    }

    /** tools/broker/artemis-broker.sh with these arguments, and these variables added to its environment. */
    static void script(java.util.Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(JavaProcess.PROJECT.resolve("tools/broker/artemis-broker.sh").toString()));
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        String home = System.getProperty("nav.test.artemis-home");
        if (home != null) {
            builder.environment().put("ARTEMIS_HOME", home);
        }
        String hubJar = System.getProperty("nav.test.hub-jar");
        if (hubJar != null) {
            builder.environment().put("NAV_HUB_JAR", hubJar);
        }
        String pluginsJar = System.getProperty("nav.test.broker-plugins-jar");
        if (pluginsJar != null) {
            builder.environment().put("NAV_BROKER_PLUGIN_JAR", pluginsJar);
        }
        // The credentials file, not whatever the machine's environment holds, names the hub's and admin's passwords.
        builder.environment().remove("NAV_BROKER_HUB_PASSWORD");
        builder.environment().remove("NAV_BROKER_ADMIN_PASSWORD");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("artemis-broker.sh " + arguments[0] + " failed:\n" + output);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        script("stop", instance.toString());
    }
}
