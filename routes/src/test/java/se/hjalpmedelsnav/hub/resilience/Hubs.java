package se.hjalpmedelsnav.hub.resilience;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The packaged production hub and the standalone supplier simulator as their own processes, on the ports and folders given. */
final class Hubs {

    static final String SIMULATOR_CLIENT_ID = "hjalpmedelsnav-kill-test";
    static final String SIMULATOR_CLIENT_SECRET = "kill-test-secret";
    static final String WEBHOOK_USER = "supplier";
    static final String WEBHOOK_PASSWORD = "supplier-dev";
    /**
     * JVM options of every hub and simulator process the runs start, after the Dockerfile's heap: C1 only and the
     * serial collector. The same jar with the same settings; a hub lives a minute between two kills, and on two
     * cores C2's and G1's threads took a third of its CPU (a restart cost 36 CPU-seconds, now 23).
     * {@code -Dnav.test.process-jvm-options=} (empty) gives the JVM's defaults.
     */
    static final List<String> JVM_OPTIONS = java.util.Arrays.stream(System.getProperty("nav.test.process-jvm-options",
            "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC").trim().split("\\s+")).filter(o -> !o.isEmpty()).toList();

    private Hubs() {
    }

    /**
     * The production hub ({@code java -Xmx256m -jar routes-*.jar}: the jar the Dockerfile ships, without a simulator),
     * its state in {@code dataDir}, the supplier simulator outside it at {@code simulatorPort}. The properties
     * add to or override these.
     */
    static JavaProcess hub(String name, Path dataDir, int httpPort, int simulatorPort, Map<String, String> properties) {
        var settings = new LinkedHashMap<String, String>();
        settings.put("server.port", Integer.toString(httpPort));
        settings.put("nav.data-dir", dataDir.toString());
        settings.put("nav.registry.file", JavaProcess.PROJECT.resolve("config/registry.yaml").toString());
        settings.put("nav.supplier.api.url", "http://127.0.0.1:" + simulatorPort + "/simulator/api");
        settings.put("nav.supplier.api.token-url", "http://127.0.0.1:" + simulatorPort + "/simulator/oauth/token");
        settings.put("nav.supplier.api.client-id", SIMULATOR_CLIENT_ID);
        settings.put("nav.supplier.api.client-secret", SIMULATOR_CLIENT_SECRET);
        settings.putAll(properties);
        return new JavaProcess(name, hubJvm(), arguments(settings),
                dataDir.resolve("hub.log"), "Started HubApplication");
    }

    /** The supplier simulator on its own (its own jar, SupplierSimulatorApplication), pushing events to {@code webhookUrl}. */
    static JavaProcess simulator(Path dataDir, int port, String webhookUrl) {
        var settings = new LinkedHashMap<String, String>();
        settings.put("server.port", Integer.toString(port));
        settings.put("nav.simulator.client-id", SIMULATOR_CLIENT_ID);
        settings.put("nav.simulator.client-secret", SIMULATOR_CLIENT_SECRET);
        settings.put("nav.simulator.webhook-url", webhookUrl);
        settings.put("nav.simulator.webhook-username", WEBHOOK_USER);
        settings.put("nav.simulator.webhook-password", WEBHOOK_PASSWORD);
        // Events keep being offered while a hub restarts (0.5 s doubling: about a minute in all).
        settings.put("nav.simulator.webhook-attempts", "8");
        // The runs match each order at the supplier to its sender by the decision reference in its body: every
        // body is kept, not only the latest thousand.
        settings.put("nav.simulator.bodies-kept", Integer.toString(Integer.MAX_VALUE));
        return new JavaProcess("supplier simulator", jvm("-Xmx192m", JavaProcess.simulatorJar()),
                arguments(settings), dataDir.resolve("simulator.log"), "Started SupplierSimulatorApplication");
    }

    /**
     * The hub's JVM: the build's extracted hub with its class-data-sharing archive ({@code -Dnav.test.hub-cds}, made
     * by the pre-integration-test phase from the packaged jar), else the packaged jar itself.
     */
    private static List<String> hubJvm() {
        Path cds = JavaProcess.hubCds();
        if (cds == null) {
            return jvm("-Xmx256m", JavaProcess.hubJar());
        }
        var command = new ArrayList<String>();
        command.add("-XX:SharedArchiveFile=" + cds.resolve("hub.jsa"));
        command.addAll(jvm("-Xmx256m", cds.resolve(JavaProcess.hubJar().getFileName())));
        return command;
    }

    /** {@code <heap> <JVM_OPTIONS> -jar <jar>}: the Dockerfile's heap, and the JIT options of the test's processes. */
    private static List<String> jvm(String heap, Path jar) {
        var command = new ArrayList<String>();
        command.add(heap);
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    private static List<String> arguments(Map<String, String> settings) {
        var arguments = new ArrayList<String>();
        settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return arguments;
    }
}
