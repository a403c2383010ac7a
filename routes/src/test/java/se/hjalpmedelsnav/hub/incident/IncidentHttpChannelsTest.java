package se.hjalpmedelsnav.hub.incident;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;

/**
 * The HTTP channels, with WireMock playing Läkemedelsverket's endpoint and the manufacturer's: one multipart
 * POST with the XML and the PDF, one JSON POST with the EU MIR sections, each with the hub reference as
 * {@code Idempotency-Key} and nothing else of the hub's; and an endpoint answering 500 retried, then parked.
 */
@Tag(HubTest.STARTS_A_HUB)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(classes = se.hjalpmedelsnav.hub.HubApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class IncidentHttpChannelsTest {

    static final int HTTP_PORT = HubTest.freePort();
    static final int BROKER_PORT = HubTest.freePort();
    static final Path DATA_DIR = HubTest.newDataDir();
    static final WireMockServer ENDPOINTS = new WireMockServer(wireMockConfig().dynamicPort());
    static final String AUTHORITY = "/lakemedelsverket/incident-reports";
    static final String MANUFACTURER = "/manufacturer/incident-reports";
    /** The device name that makes the authority's stub answer 500. */
    static final String BROKEN = "Talapparat REFUSED-BY-STUB";
    static final ObjectMapper JSON = new ObjectMapper();

    static {
        ENDPOINTS.start();
    }

    @Autowired
    ConnectionFactory brokerConnectionFactory;

    KommunAmqpClient boras;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HubTest.embeddedHub(registry, HTTP_PORT, BROKER_PORT, DATA_DIR);
        // Another in-VM broker id and Camel name than the other hubs the tests run in this JVM.
        registry.add("nav.broker.url", () -> "vm://42");
        registry.add("camel.springboot.name", () -> "hjalpmedelsnav-incident-http");
        registry.add("nav.incident.authority.channel", () -> "HTTP");
        registry.add("nav.incident.authority.http.url", () -> ENDPOINTS.baseUrl() + AUTHORITY);
        registry.add("nav.incident.manufacturer.channel", () -> "HTTP");
        registry.add("nav.incident.manufacturer.http.url", () -> ENDPOINTS.baseUrl() + MANUFACTURER);
        registry.add("nav.stage.max-attempts", () -> "3");
    }

    @BeforeAll
    void start() throws Exception {
        ENDPOINTS.stubFor(post(urlEqualTo(AUTHORITY)).willReturn(aResponse().withStatus(201)));
        ENDPOINTS.stubFor(post(urlEqualTo(AUTHORITY)).atPriority(1).withRequestBody(containing("REFUSED-BY-STUB"))
                .willReturn(aResponse().withStatus(500)));
        ENDPOINTS.stubFor(post(urlEqualTo(MANUFACTURER)).willReturn(aResponse().withStatus(202)));
        boras = new KommunAmqpClient(BROKER_PORT, "1490");
    }

    @AfterAll
    void stop() throws Exception {
        boras.close();
        ENDPOINTS.stop();
    }

    private String accepted(ObjectNode report) {
        String messageId = report.path("messageId").asText();
        try {
            boras.send(report);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        JsonNode receipt = boras.receipt(messageId);
        assertThat(receipt.path("status").asText()).as(receipt.toString()).isEqualTo("ACCEPTED");
        return receipt.path("hubReference").asText();
    }

    private List<LoggedRequest> requests(String path, String hubReference) {
        return ENDPOINTS.findAll(postRequestedFor(urlEqualTo(path)).withHeader("Idempotency-Key", equalTo(hubReference)));
    }

    @Test
    void postsTheReportAsXmlAndPdfAndTheManufacturersCopyAsJsonEachOnce() throws Exception {
        String messageId = TestIncidentReports.newMessageId();
        String hubReference = accepted(TestIncidentReports.valid(messageId, "1490", "DEATH"));

        boras.awaitMessage(messageId, m -> "SENT".equals(m.path("status").asText()));
        await().atMost(Duration.ofSeconds(30)).until(() -> requests(MANUFACTURER, hubReference).size() == 1);

        LoggedRequest report = requests(AUTHORITY, hubReference).get(0);
        assertThat(requests(AUTHORITY, hubReference)).hasSize(1);
        assertThat(report.getHeader("Content-Type")).startsWith("multipart/form-data");
        assertThat(report.getHeaders().keys()).noneMatch(name -> name.toLowerCase().startsWith("nav")
                || name.equalsIgnoreCase("Authorization"));
        var parts = report.getParts();
        assertThat(parts).extracting(part -> part.getName()).containsExactlyInAnyOrder("report", "pdf");
        for (var part : parts) {
            if (part.getName().equals("report")) {
                String xml = part.getBody().asString();
                IncidentReportFlowTest.validateAgainstTheAuthorityXsd(xml);
                assertThat(xml).contains("<reportReference>" + hubReference + "</reportReference>",
                        "<consequence>DEATH</consequence>");
            } else {
                assertThat(new String(part.getBody().asBytes(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            }
        }
        LoggedRequest copy = requests(MANUFACTURER, hubReference).get(0);
        assertThat(copy.getHeader("Content-Type")).startsWith("application/json");
        JsonNode body = JSON.readTree(copy.getBodyAsString());
        assertThat(body.path("administrativeInformation").path("reportReference").asText()).isEqualTo(hubReference);
        assertThat(body.path("incidentInformation").path("patient").toString()).isEqualTo("{\"age\":84,\"sex\":\"FEMALE\"}");
    }

    @Test
    void anAuthorityEndpointAnswering500IsTriedAgainThenParkedAndTheManufacturerGetsItsCopyOnce() throws Exception {
        String messageId = TestIncidentReports.newMessageId();
        ObjectNode report = TestIncidentReports.valid(messageId, "1490", "SERIOUS_INJURY");
        ((ObjectNode) report.path("device")).put("name", BROKEN);

        String hubReference = accepted(report);

        String reason = await("parked on " + Queues.DLQ_INCIDENT_TO_AUTHORITY).atMost(Duration.ofSeconds(60))
                .until(() -> parkedReason(Queues.DLQ_INCIDENT_TO_AUTHORITY, hubReference), found -> found != null);
        assertThat(reason).contains("answered HTTP 500");
        assertThat(requests(AUTHORITY, hubReference)).as("one POST per attempt").hasSize(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> requests(MANUFACTURER, hubReference).size() == 1);
        assertThat(boras.receivedFor(messageId)).noneMatch(m -> "SENT".equals(m.path("status").asText()));
    }

    private String parkedReason(String queue, String hubReference) throws Exception {
        try (Connection connection = brokerConnectionFactory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var messages = session.createBrowser(session.createQueue(queue),
                    "navHubReference = '" + hubReference + "'").getEnumeration();
            return messages.hasMoreElements() ? ((Message) messages.nextElement()).getStringProperty("navFailureReason")
                    : null;
        }
    }
}
