package se.hjalpmedelsnav.hub.alert;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The alerts raised now, on this hub. Each check hands over everything it finds; what is new is raised (one WARN line
 * on {@value #LOGGER}), what is gone is cleared (one INFO line), what stays keeps its time of raising. Metrics:
 * {@code nav_alerts_active{code}} (subjects alerting per code, 0 when none) and {@code nav_alert{code,subject}} (what
 * each raised alert counts; the series goes when the alert clears).
 */
@Component
public class AlertBoard {

    /** The logger operators ship and alert on. */
    public static final String LOGGER = "se.hjalpmedelsnav.hub.alert.Alerts";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private final Clock clock;
    private final Map<AlertCode, Map<String, Alert>> raised = new EnumMap<>(AlertCode.class);
    private final Map<AlertCode, AtomicInteger> active = new EnumMap<>(AlertCode.class);
    private final MultiGauge perSubject;

    public AlertBoard(MeterRegistry meters, Clock clock) {
        this.clock = clock;
        for (AlertCode code : AlertCode.values()) {
            raised.put(code, new LinkedHashMap<>());
            AtomicInteger count = new AtomicInteger();
            active.put(code, count);
            Gauge.builder("nav.alerts.active", count, AtomicInteger::get)
                    .description("Subjects (municipalities, queues) for which the alert is raised now")
                    .tag("code", code.name())
                    .register(meters);
        }
        perSubject = MultiGauge.builder("nav.alert")
                .description("A raised alert, by code and subject: what it counts (parked, overdue, refused; 1 for a "
                        + "silence). No series when the alert is not raised")
                .register(meters);
    }

    /** Replaces what {@code code} found last time with {@code findings}: raises the new, clears the gone. */
    public synchronized void update(AlertCode code, List<Finding> findings) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Map<String, Alert> before = raised.get(code);
        Map<String, Alert> after = new LinkedHashMap<>();
        for (Finding finding : findings) {
            Alert previous = before.get(finding.subject());
            OffsetDateTime since = previous == null ? now : previous.raisedAt();
            after.put(finding.subject(), new Alert(code, code.subjectKind(), finding.subject(), finding.count(),
                    finding.detail(), finding.references(), since, code.action()));
            if (previous == null) {
                log.warn("Alert {} raised for {} {}: {}", code, code.subjectKind(), finding.subject(), finding.detail());
            }
        }
        for (Alert gone : before.values()) {
            if (!after.containsKey(gone.subject())) {
                log.info("Alert {} cleared for {} {} (raised at {})", code, code.subjectKind(), gone.subject(),
                        gone.raisedAt());
            }
        }
        raised.put(code, after);
        active.get(code).set(after.size());
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        raised.forEach((c, alerts) -> alerts.values().forEach(alert -> rows.add(
                MultiGauge.Row.of(Tags.of("code", c.name(), "subject", alert.subject()), alert.count()))));
        perSubject.register(rows, true);
    }

    /** Every alert raised now, the oldest first. */
    public synchronized List<Alert> raised() {
        List<Alert> all = new ArrayList<>();
        raised.values().forEach(alerts -> all.addAll(alerts.values()));
        all.sort(Comparator.comparing(Alert::raisedAt).thenComparing(Alert::code).thenComparing(Alert::subject));
        return all;
    }
}
