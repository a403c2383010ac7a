package se.hjalpmedelsnav.hub.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The alerting rules operators load into Prometheus ({@code docker/prometheus/}): valid for {@code promtool check rules},
 * passing their own unit tests ({@code promtool test rules}), and one rule per alert of the hub, on its metric.
 * promtool is Debian's ({@code tools/prometheus/ensure-promtool.sh} installs it in generate-test-resources).
 */
class PrometheusRulesTest {

    private static final Path DIR = Path.of("..", "docker", "prometheus");
    private static final Path RULES = DIR.resolve("hjalpmedelsnav-alerts.yml");
    private static final String PROMTOOL = System.getProperty("nav.test.promtool", "/usr/bin/promtool");

    @Test
    void passPromtoolsCheck() throws Exception {
        Result check = promtool(DIR, "check", "rules", RULES.getFileName().toString());
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: " + rules().size() + " rules found");
    }

    @Test
    void passTheirOwnUnitTests() throws Exception {
        Result test = promtool(DIR, "test", "rules", "hjalpmedelsnav-alerts.test.yml");
        assertThat(test.exit()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    void haveOneRuleForEveryAlertOfTheHubOnItsMetric() throws IOException {
        List<Map<String, Object>> rules = rules();
        for (AlertCode code : AlertCode.values()) {
            assertThat(rules).as("a rule for " + code).anySatisfy(rule -> {
                assertThat(rule.get("expr").toString()).contains("nav_alert{code=\"" + code.name() + "\"}");
                assertThat(((Map<?, ?>) rule.get("labels")).get("code")).isEqualTo(code.name());
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() throws IOException {
        try (InputStream in = Files.newInputStream(RULES)) {
            Map<String, Object> file = new Yaml().load(in);
            List<Map<String, Object>> rules = new ArrayList<>();
            for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
                rules.addAll((List<Map<String, Object>>) group.get("rules"));
            }
            return rules;
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result promtool(Path directory, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(PROMTOOL));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        return new Result(process.exitValue(), output);
    }
}
