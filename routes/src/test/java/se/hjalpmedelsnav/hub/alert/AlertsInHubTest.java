package se.hjalpmedelsnav.hub.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.hjalpmedelsnav.broker.MessageProperties;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.hub.support.EmbeddedHubTest;
import se.hjalpmedelsnav.hub.monitoring.GrafanaDashboard;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;
import se.hjalpmedelsnav.hub.support.TestOrders;

/**
 * The alerts in the running hub: its check (the {@code alert-check} route's bean, called here instead of waiting for
 * the timer), {@code GET /api/admin/alerts} for the console and the metrics on {@code /actuator/prometheus}.
 */
class AlertsInHubTest extends EmbeddedHubTest {

    private static final String DLQ = Queues.DLQ_INCIDENT_REPORTS;

    @Autowired
    AlertCheck check;

    @Autowired
    ConnectionFactory brokerConnectionFactory;

    @Autowired
    CamelContext camel;

    @Test
    void showsTheSilentMunicipalityToTheConsoleWithWhatToDoAndAsAMetric() throws Exception {
        assertThat(camel.getRouteController().getRouteStatus("alert-check")).isEqualTo(ServiceStatus.Started);
        check.run();

        JsonNode silence = alert("BUSINESS_SILENCE", HubTest.SILENT_KOMMUN);
        assertThat(silence).as("BUSINESS_SILENCE for " + HubTest.SILENT_KOMMUN).isNotNull();
        assertThat(silence.path("subjectKind").asText()).isEqualTo("kommun");
        assertThat(silence.path("raisedAt").asText()).isNotBlank();
        assertThat(silence.path("detail").asText()).isEqualTo("no message ever received (168 usual hours a week, configured)");
        assertThat(silence.path("action").asText()).isEqualTo(AlertCode.BUSINESS_SILENCE.action());
        String metrics = getAs("admin", "admin-dev", "/actuator/prometheus").body();
        assertThat(metrics).containsPattern("nav_alert\\{[^}]*code=\"BUSINESS_SILENCE\"[^}]*subject=\""
                + HubTest.SILENT_KOMMUN + "\"[^}]*\\} 1\\.0");
        assertThat(metrics).containsPattern("nav_alerts_active\\{[^}]*code=\"DEAD_LETTERS\"[^}]*\\} ");
    }

    @Test
    void raisesTheDeadLetterAlertForAParkedMessageAndClearsItWhenItIsTakenOff() throws Exception {
        int before = JSON.readTree(getAs("viewer", "viewer-dev", "/api/admin/dead-letters").body()).path(DLQ).asInt();
        String jmsMessageId = park();
        check.run();
        JsonNode raised = alert("DEAD_LETTERS", DLQ);
        assertThat(raised).as("DEAD_LETTERS for " + DLQ).isNotNull();
        assertThat(raised.path("count").asInt()).isEqualTo(before + 1);
        assertThat(getAs("admin", "admin-dev", "/actuator/prometheus").body())
                .containsPattern("nav_alert\\{[^}]*code=\"DEAD_LETTERS\"[^}]*subject=\"" + DLQ.replace(".", "\\.")
                        + "\"[^}]*\\} " + (before + 1) + "\\.0");

        take(jmsMessageId);
        check.run();
        if (before == 0) {
            assertThat(alert("DEAD_LETTERS", DLQ)).as("cleared").isNull();
        } else {
            assertThat(alert("DEAD_LETTERS", DLQ).path("count").asInt()).isEqualTo(before);
        }
    }

    @Test
    void hasEveryMetricTheGrafanaDashboardNamesOnItsPrometheusPage() throws Exception {
        // Counted at first use: a delivered order (nav_messages_total, the supplier routes' counters) and a refused one
        // (nav_message_errors_total); the alerts after a check.
        String delivered = TestOrders.newMessageId();
        String refused = TestOrders.newMessageId();
        try (var goteborg = new KommunAmqpClient(BROKER_PORT, "1480")) {
            goteborg.send(TestOrders.validOrder(delivered));
            assertThat(goteborg.receipt(delivered).path("status").asText()).isEqualTo("ACCEPTED");
            goteborg.send(TestOrders.validOrder(refused).put("customerNumber", "KN-1480-999"));
            assertThat(goteborg.receipt(refused).path("status").asText()).isEqualTo("REJECTED");
            goteborg.orderStatus(delivered, "CONFIRMED");
        }
        check.run();
        String page = getAs("admin", "admin-dev", "/actuator/prometheus").body();
        Set<String> named = new TreeSet<>(GrafanaDashboard.metrics(GrafanaDashboard.read()));
        named.removeAll(GrafanaDashboard.REGISTERED_AT_FIRST_COUNT);
        assertThat(named).allSatisfy(metric -> assertThat(page).as(metric).containsPattern("(?m)^" + metric + "[{ ]"));
        assertThat(page).contains("camel_exchanges_succeeded_total{", "routeId=\"supplier-api-order-deliver\"");
    }

    private JsonNode alert(String code, String subject) throws Exception {
        var response = getAs("viewer", "viewer-dev", "/api/admin/alerts");
        assertThat(response.statusCode()).isEqualTo(200);
        for (JsonNode alert : JSON.readTree(response.body())) {
            if (alert.path("code").asText().equals(code) && alert.path("subject").asText().equals(subject)) {
                return alert;
            }
        }
        return null;
    }

    private String park() throws Exception {
        try (Connection connection = brokerConnectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage message = session.createTextMessage("{}");
            message.setStringProperty(MessageProperties.FAILURE_REASON, "a test's parked message");
            message.setStringProperty(MessageProperties.HUB_REFERENCE, UUID.randomUUID().toString());
            session.createProducer(session.createQueue(DLQ)).send(message);
            return message.getJMSMessageID();
        }
    }

    private void take(String jmsMessageId) throws Exception {
        try (Connection connection = brokerConnectionFactory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Message taken = session.createConsumer(session.createQueue(DLQ), "JMSMessageID = '" + jmsMessageId + "'")
                    .receive(5_000);
            assertThat(taken).isNotNull();
        }
    }
}
