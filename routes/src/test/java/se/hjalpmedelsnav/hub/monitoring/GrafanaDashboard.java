package se.hjalpmedelsnav.hub.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Grafana dashboard of {@code docker/grafana/}, as the tests read it: its queries and the metrics they name. */
public final class GrafanaDashboard {

    public static final Path FILE = Path.of("..", "docker", "grafana", "hjalpmedelsnav-dashboard.json");

    /** A metric name right before its selector: every query of the dashboard writes one ({@code name{…}}). */
    private static final Pattern METRIC = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

    /** Counters the hub registers at their first count: not on a fresh hub's page. */
    public static final Set<String> REGISTERED_AT_FIRST_COUNT = Set.of("nav_incident_report_overdue_total",
            "nav_retention_removed_total");

    private GrafanaDashboard() {
    }

    public static JsonNode read() throws IOException {
        return new ObjectMapper().readTree(FILE.toFile());
    }

    /** Every PromQL expression of the dashboard: its panels' queries and its variables' queries. */
    public static List<String> expressions(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText());
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                expressions.add(variable.path("definition").asText());
            }
        }
        return expressions;
    }

    public static Set<String> metrics(JsonNode dashboard) {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions(dashboard)) {
            Matcher matcher = METRIC.matcher(expression);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }
}
