package se.hjalpmedelsnav.hub.incident;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.camel.Body;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.hjalpmedelsnav.mappings.message.IncidentReportStatusEvent;

/**
 * The deadline alert: an incident report not confirmed by its due time raises one alert, once: a WARN log
 * event, the counter {@code nav_incident_report_overdue_total{kommun}} and INCIDENT_REPORT_STATUS OVERDUE to the
 * municipality. References and codes only, never the report's content.
 */
@Component
public class IncidentDeadlines {

    /** The logger operators alert on. */
    public static final String ALERT_LOGGER = "se.hjalpmedelsnav.hub.incident.IncidentReportOverdue";

    private static final Logger alerts = LoggerFactory.getLogger(ALERT_LOGGER);
    private static final int BATCH = 100;

    private final IncidentReportStore store;
    private final IncidentStatusEvents events;
    private final MeterRegistry meters;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public IncidentDeadlines(IncidentReportStore store, IncidentStatusEvents events, MeterRegistry meters,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.store = store;
        this.events = events;
        this.meters = meters;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Hub references of the unconfirmed reports whose time is up and that have not raised their alert. */
    public List<String> overdue() {
        return store.overdueWithoutAlert(OffsetDateTime.now(clock), BATCH).stream()
                .map(IncidentReportRecord::hubReference)
                .toList();
    }

    /**
     * Raises the alert of one report, unless it was raised already or the report was confirmed meanwhile.
     * The mark and the status event go together: a send that fails leaves the alert to the next check.
     */
    public void raiseAlert(@Body String hubReference) {
        transaction.executeWithoutResult(status -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (!store.markAlertRaised(hubReference, now)) {
                return;
            }
            IncidentReportRecord report = store.find(hubReference).orElseThrow();
            OffsetDateTime due = report.dueAt().atZoneSameInstant(clock.getZone()).toOffsetDateTime();
            events.send(report, IncidentReportStatusEvent.overdue(report.messageId(), hubReference, due, now));
            alerts.warn("Incident report {} of kommun {} is OVERDUE: not confirmed as submitted to Läkemedelsverket "
                    + "by {} (consequence {}, sent to the authority channel: {})", hubReference, report.kommunCode(),
                    due, report.consequence(), report.sentAt() != null ? "yes" : "NO");
            Counter.builder("nav.incident.report.overdue")
                    .description("Incident reports not confirmed as submitted to Läkemedelsverket by their deadline")
                    .tag("kommun", report.kommunCode())
                    .register(meters)
                    .increment();
        });
    }
}
