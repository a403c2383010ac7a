package se.hjalpmedelsnav.hub.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;

/**
 * A recipient that cannot be reached: its stage is retried by the broker and then parked on its own
 * dead-letter queue with the reason, while the other recipient gets the report once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentDeliveryFailureTest extends IncidentHubTest {

    KommunAmqpClient uddevalla;

    @BeforeAll
    void connect() throws Exception {
        uddevalla = new KommunAmqpClient(BROKER_PORT, "1485");
    }

    @AfterAll
    void disconnect() throws Exception {
        uddevalla.close();
    }

    private JsonNode status(String messageId, String status) {
        return uddevalla.awaitMessage(messageId, m -> "INCIDENT_REPORT_STATUS".equals(m.path("type").asText())
                && status.equals(m.path("status").asText()));
    }

    private String accepted(String messageId, String consequence) throws Exception {
        uddevalla.send(TestIncidentReports.valid(messageId, "1485", consequence));
        JsonNode receipt = uddevalla.receipt(messageId);
        assertThat(receipt.path("status").asText()).as(receipt.toString()).isEqualTo("ACCEPTED");
        return receipt.path("hubReference").asText();
    }

    @Test
    void anAuthorityChannelThatCannotBeWrittenIsRetriedThenParkedWhileTheManufacturerGetsItsCopyOnce()
            throws Exception {
        Path moved = DATA_DIR.resolve("outbox-aside");
        Files.createDirectories(OUTBOX);
        Files.move(OUTBOX, moved);
        // A plain file where the outbox folder should be: no report can be written, whoever the hub runs as.
        Files.writeString(OUTBOX, "not a folder");
        String hubReference;
        String messageId = TestIncidentReports.newMessageId();
        try {
            hubReference = accepted(messageId, "SERIOUS_INJURY");

            String reason = parkedReason(Queues.DLQ_INCIDENT_TO_AUTHORITY, hubReference);

            assertThat(reason).isNotBlank().doesNotContain("brännskada", "Fiktiv");
        } finally {
            Files.delete(OUTBOX);
            Files.move(moved, OUTBOX);
        }
        JsonNode manufacturer = await().atMost(Duration.ofSeconds(30))
                .until(() -> atManufacturer(hubReference), found -> found.isPresent()).orElseThrow();
        assertThat(manufacturer.path("receivedCount").asInt()).isEqualTo(1);
        JsonNode tracked = JSON.readTree(getAs("viewer", "viewer-dev", "/api/admin/incident-reports/" + hubReference)
                .body());
        assertThat(tracked.path("sentAt").isNull()).as(tracked.toString()).isTrue();
        assertThat(tracked.path("manufacturerSentAt").isNull()).as(tracked.toString()).isFalse();
        assertThat(OUTBOX.resolve(hubReference + ".xml")).doesNotExist();
        assertThat(uddevalla.receivedFor(messageId)).noneMatch(m -> "SENT".equals(m.path("status").asText()));
    }

    @Test
    void aManufacturerChannelAnswering5xxIsRetriedThenParkedWhileTheAuthorityGetsItsReportOnce() throws Exception {
        String messageId = TestIncidentReports.newMessageId();
        assertThat(postJson("/simulator/admin/mode", "{\"mode\":\"FAIL_5XX\"}").statusCode()).isEqualTo(200);
        String hubReference;
        try {
            hubReference = accepted(messageId, "DEATH");

            String reason = parkedReason(Queues.DLQ_INCIDENT_TO_MANUFACTURER, hubReference);

            assertThat(reason).contains("HTTP 503");
        } finally {
            postJson("/simulator/admin/mode", "{\"mode\":\"NORMAL\"}");
        }
        status(messageId, "SENT");
        assertThat(OUTBOX.resolve(hubReference + ".xml")).exists();
        assertThat(atManufacturer(hubReference)).isEmpty();
        // Confirm, so a later event follows anything the parked stage could have caused: still one SENT.
        assertThat(confirm(hubReference, "6.3.4-2026-050505").statusCode()).isEqualTo(200);
        status(messageId, "SUBMITTED");
        assertThat(uddevalla.receivedFor(messageId)).filteredOn(m -> "SENT".equals(m.path("status").asText()))
                .hasSize(1);
        JsonNode tracked = JSON.readTree(getAs("viewer", "viewer-dev", "/api/admin/incident-reports/" + hubReference)
                .body());
        assertThat(tracked.path("manufacturerSentAt").isNull()).as(tracked.toString()).isTrue();
    }
}
