package se.hjalpmedelsnav.hub.resilience;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The standalone Artemis broker, created and run by tools/broker/artemis-broker.sh as an operator would. */
final class StandaloneBroker implements AutoCloseable {

    private final Path instance;
    private final int port;

    private StandaloneBroker(Path instance, int port) {
        this.instance = instance;
        this.port = port;
    }

    /** Creates a standalone instance (the hub's docker/broker/broker.xml) on that port and starts it. */
    static StandaloneBroker start(Path instance, int port) throws IOException, InterruptedException {
        script("create", instance.toString(), "--role", "standalone", "--port", Integer.toString(port), "--host",
                "127.0.0.1", "--memory", "384M");
        var broker = new StandaloneBroker(instance, port);
        script("start", instance.toString());
        return broker;
    }

    int port() {
        return port;
    }

    private static void script(String... arguments) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(JavaProcess.PROJECT.resolve("tools/broker/artemis-broker.sh").toString()));
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        String home = System.getProperty("nav.test.artemis-home");
        if (home != null) {
            builder.environment().put("ARTEMIS_HOME", home);
        }
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
