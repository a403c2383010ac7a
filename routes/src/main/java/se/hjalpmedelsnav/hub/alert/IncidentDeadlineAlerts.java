package se.hjalpmedelsnav.hub.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * INCIDENT_DEADLINE, per municipality: its incident reports not confirmed as submitted to Läkemedelsverket by their
 * due time. The same condition as the incident deadline check ({@code incident-deadline-check}), which still sends
 * OVERDUE once per report and counts {@code nav_incident_report_overdue_total}; this alert stays raised until the last
 * of them is confirmed.
 */
@Component
public class IncidentDeadlineAlerts implements AlertRule {

    static final int MAX_READ = 2_000;

    private final AlertStore store;
    private final Clock clock;

    public IncidentDeadlineAlerts(AlertStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public AlertCode code() {
        return AlertCode.INCIDENT_DEADLINE;
    }

    @Override
    public List<Finding> find() {
        Instant now = clock.instant();
        Map<String, List<AlertStore.Waiting>> perKommun = new TreeMap<>();
        for (AlertStore.Waiting report : store.overdueIncidentReports(now, MAX_READ)) {
            perKommun.computeIfAbsent(report.kommunCode(), k -> new ArrayList<>()).add(report);
        }
        List<Finding> findings = new ArrayList<>();
        perKommun.forEach((kommun, reports) -> findings.add(new Finding(code(), kommun, reports.size(),
                reports.size() + " report(s) unconfirmed past their deadline; the oldest was due "
                        + reports.get(0).at().atZone(clock.getZone()).toOffsetDateTime(),
                reports.stream().map(AlertStore.Waiting::hubReference).toList())));
        return findings;
    }
}
