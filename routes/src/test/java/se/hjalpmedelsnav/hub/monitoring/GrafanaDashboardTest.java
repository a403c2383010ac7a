package se.hjalpmedelsnav.hub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard ({@code docker/grafana/hjalpmedelsnav-dashboard.json}) is valid JSON, each panel queries the
 * chosen Prometheus, and every metric it names is one the hub's code registers (its meters, Camel's route policy on the
 * supplier routes) or Spring Boot's JVM metrics. That they are on a running hub's page: {@code AlertsInHubTest}.
 */
class GrafanaDashboardTest {

    private static final Pattern METER = Pattern.compile("(Counter|Gauge|MultiGauge)\\.builder\\(\"([a-z.]+)\"");

    /** Spring Boot's JVM and process metrics, and Camel's route policy (SupplierDeliveryMetrics). */
    private static final Set<String> NOT_IN_THE_HUBS_CODE = Set.of("jvm_memory_used_bytes", "jvm_memory_max_bytes",
            "jvm_threads_live_threads", "process_cpu_usage", "camel_exchanges_succeeded_total",
            "camel_exchanges_failed_total", "camel_route_policy_seconds_sum", "camel_route_policy_seconds_count");

    @Test
    void queriesOnlyMetricsTheHubHas() throws IOException {
        JsonNode dashboard = GrafanaDashboard.read();
        Set<String> named = GrafanaDashboard.metrics(dashboard);
        Set<String> known = new TreeSet<>(NOT_IN_THE_HUBS_CODE);
        known.addAll(metersOfTheHubsCode());

        assertThat(named).contains("nav_messages_total", "nav_message_errors_total", "nav_alert", "nav_alerts_active",
                "camel_exchanges_succeeded_total", "jvm_memory_used_bytes");
        assertThat(known).containsAll(named);
    }

    @Test
    void isADashboardOfPanelsOnThePrometheusDataSource() throws IOException {
        JsonNode dashboard = GrafanaDashboard.read();
        assertThat(dashboard.path("uid").asText()).isEqualTo("hjalpmedelsnav");
        assertThat(dashboard.path("panels")).hasSizeGreaterThan(10);
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText())
                    .isEqualTo("${datasource}");
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
        }
        assertThat(GrafanaDashboard.expressions(dashboard)).allSatisfy(e -> assertThat(e).isNotBlank());
    }

    /** The Prometheus names of the meters the hub's code builds: a counter's with {@code _total}. */
    private static Set<String> metersOfTheHubsCode() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = METER.matcher(Files.readString(source));
                while (matcher.find()) {
                    String name = matcher.group(2).replace('.', '_');
                    names.add(matcher.group(1).equals("Counter") ? name + "_total" : name);
                }
            }
        }
        return names;
    }
}
