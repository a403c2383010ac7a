package se.hjalpmedelsnav.hub.incident;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;

/**
 * The deadline alert with a deadline of a few seconds: a report not confirmed in time raises one alert, a
 * WARN log event, the counter {@code nav_incident_report_overdue_total{kommun}} and OVERDUE to the
 * municipality, once; it can still be confirmed afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentReportDeadlineTest extends IncidentHubTest {

    /** Alingsås: no other incident test reports from it, so its counter is this test's alone. */
    private static final String KOMMUN = "1489";

    @Autowired
    MeterRegistry meters;
    @Autowired
    IncidentDeadlines deadlines;

    KommunAmqpClient alingsas;
    final ListAppender<ILoggingEvent> alerts = new ListAppender<>();

    @BeforeAll
    void connect() throws Exception {
        alingsas = new KommunAmqpClient(BROKER_PORT, KOMMUN);
        alerts.start();
        ((Logger) LoggerFactory.getLogger(IncidentDeadlines.ALERT_LOGGER)).addAppender(alerts);
    }

    @AfterAll
    void disconnect() throws Exception {
        ((Logger) LoggerFactory.getLogger(IncidentDeadlines.ALERT_LOGGER)).detachAppender(alerts);
        alingsas.close();
    }

    private JsonNode status(String messageId, String status) {
        return alingsas.awaitMessage(messageId, m -> "INCIDENT_REPORT_STATUS".equals(m.path("type").asText())
                && status.equals(m.path("status").asText()));
    }

    @Test
    void aReportNotConfirmedInTimeRaisesOneAlertAndCanStillBeConfirmed() throws Exception {
        String messageId = TestIncidentReports.newMessageId();

        alingsas.send(TestIncidentReports.valid(messageId, KOMMUN, "NEAR_MISS"));

        JsonNode receipt = alingsas.receipt(messageId);
        assertThat(receipt.path("status").asText()).as(receipt.toString()).isEqualTo("ACCEPTED");
        String hubReference = receipt.path("hubReference").asText();
        JsonNode sent = status(messageId, "SENT");
        assertThat(Duration.between(OffsetDateTime.parse(receipt.path("at").asText()),
                OffsetDateTime.parse(sent.path("dueAt").asText()))).isEqualTo(Duration.parse(SHORT_DEADLINE));

        JsonNode overdue = status(messageId, "OVERDUE");
        assertThat(overdue.path("hubReference").asText()).isEqualTo(hubReference);
        assertThat(overdue.path("dueAt").asText()).isEqualTo(sent.path("dueAt").asText());

        assertThat(alerts.list).filteredOn(event -> event.getFormattedMessage().contains(hubReference))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.getLevel()).isEqualTo(Level.WARN);
                    assertThat(event.getFormattedMessage()).contains("kommun " + KOMMUN, "OVERDUE", "NEAR_MISS")
                            .doesNotContain("brännskada", "Fiktiv");
                });
        assertThat(meters.get("nav.incident.report.overdue").tag("kommun", KOMMUN).counter().count()).isEqualTo(1.0);
        String prometheus = getAs("viewer", "viewer-dev", "/actuator/prometheus").body();
        assertThat(prometheus).containsPattern("nav_incident_report_overdue_total\\{[^}]*kommun=\"" + KOMMUN + "\"");

        // Another check finds nothing to raise again, and a check run by hand raises nothing either.
        assertThat(deadlines.overdue()).doesNotContain(hubReference);
        deadlines.raiseAlert(hubReference);

        assertThat(confirm(hubReference, "6.3.4-2026-020202").statusCode()).isEqualTo(200);
        assertThat(status(messageId, "SUBMITTED").path("authorityReference").asText()).isEqualTo("6.3.4-2026-020202");
        // SUBMITTED came after anything the alert sent: one OVERDUE, one log event, one count.
        assertThat(alingsas.receivedFor(messageId)).filteredOn(m -> "OVERDUE".equals(m.path("status").asText()))
                .hasSize(1);
        assertThat(alerts.list).filteredOn(event -> event.getFormattedMessage().contains(hubReference)).hasSize(1);
        assertThat(meters.get("nav.incident.report.overdue").tag("kommun", KOMMUN).counter().count()).isEqualTo(1.0);
    }

    @Test
    void aReportConfirmedInTimeRaisesNoAlert() throws Exception {
        String messageId = TestIncidentReports.newMessageId();
        alingsas.send(TestIncidentReports.valid(messageId, KOMMUN, "SERIOUS_INJURY"));
        String hubReference = alingsas.receipt(messageId).path("hubReference").asText();
        status(messageId, "SENT");

        assertThat(confirm(hubReference, "6.3.4-2026-030303").statusCode()).isEqualTo(200);

        status(messageId, "SUBMITTED");
        assertThat(deadlines.overdue()).doesNotContain(hubReference);
        assertThat(alingsas.receivedFor(messageId)).noneMatch(m -> "OVERDUE".equals(m.path("status").asText()));
    }
}
