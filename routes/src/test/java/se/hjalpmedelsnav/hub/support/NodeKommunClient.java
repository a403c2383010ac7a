package se.hjalpmedelsnav.hub.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The municipality client written in Node.js ({@code tools/kommun-client/send.js}), run as a process: it sends one
 * message file and prints what comes back for it, one JSON message a line, until a final answer.
 */
public final class NodeKommunClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeKommunClient() {
    }

    /** What the client printed for {@code file} sent as {@code kommun}; fails the test unless it ended well. */
    public static List<JsonNode> send(String kommun, int brokerPort, Path file) throws Exception {
        return run("--kommun", kommun, "--port", String.valueOf(brokerPort), "--wait", "60", file.toString());
    }

    /** What {@code node send.js arguments…} printed, one JSON answer a line; fails the test unless it ended well. */
    public static List<JsonNode> run(String... arguments) throws Exception {
        var command = new ArrayList<>(List.of("node", "send.js"));
        command.addAll(List.of(arguments));
        Process node = new ProcessBuilder(command)
                .directory(Path.of("../tools/kommun-client").toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(node.waitFor()).as(output).isZero();
        List<JsonNode> answers = new ArrayList<>();
        for (String line : output.lines().filter(l -> l.startsWith("{")).toList()) {
            answers.add(JSON.readTree(line));
        }
        return answers;
    }
}
