package se.hjalpmedelsnav.hub.incident;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.hjalpmedelsnav.hub.support.HubTest;

/**
 * Base of the incident report tests: one hub on its embedded default (real broker, H2, the supplier simulator
 * over HTTP, the authority channel on a folder), with a deadline of a few seconds for consequences other than
 * death or serious injury, so the deadline alert fires within a test; and three attempts before a stage parks.
 * Its own ports and data folder: Spring starts it once for all subclasses, beside the shared embedded hub.
 */
@Tag(HubTest.STARTS_A_HUB)
@AutoConfigureObservability
@SpringBootTest(classes = se.hjalpmedelsnav.hub.HubApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class IncidentHubTest {

    static final int HTTP_PORT = HubTest.freePort();
    static final int BROKER_PORT = HubTest.freePort();
    static final Path DATA_DIR = HubTest.newDataDir();
    static final Path OUTBOX = DATA_DIR.resolve("lakemedelsverket/outbox");
    static final Path CONFIRMATIONS = DATA_DIR.resolve("lakemedelsverket/confirmations");
    static final ObjectMapper JSON = new ObjectMapper();
    /** The short deadline of INJURY, NO_INJURY and NEAR_MISS in these tests; DEATH and SERIOUS_INJURY keep two days. */
    static final String SHORT_DEADLINE = "PT3S";

    @Autowired
    ConnectionFactory brokerConnectionFactory;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HubTest.embeddedHub(registry, HTTP_PORT, BROKER_PORT, DATA_DIR);
        // Another in-VM broker id and Camel name than the other hubs the tests run in this JVM.
        registry.add("nav.broker.url", () -> "vm://41");
        registry.add("camel.springboot.name", () -> "hjalpmedelsnav-incident");
        registry.add("nav.incident.deadline.other", () -> SHORT_DEADLINE);
        registry.add("nav.incident.deadline.check-interval", () -> "500ms");
        registry.add("nav.incident.confirmations.poll-delay", () -> "200ms");
        registry.add("nav.stage.max-attempts", () -> "3");
    }

    static String url(String path) {
        return "http://localhost:" + HTTP_PORT + path;
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> getAs(String user, String password, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", basic(user, password)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> postAs(String user, String password, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", basic(user, password))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> postJson(String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Läkemedelsverket's confirmation, fed back through the admin API as an operator would. */
    static HttpResponse<String> confirm(String hubReference, String authorityReference) throws Exception {
        return postAs("admin", "admin-dev", "/api/admin/incident-reports/" + hubReference + "/confirmation",
                JSON.createObjectNode().put("authorityReference", authorityReference).toString());
    }

    /** The manufacturer's copy as the supplier simulator received it. */
    static Optional<JsonNode> atManufacturer(String hubReference) throws Exception {
        HttpResponse<String> response = get("/simulator/admin/incident-reports/" + hubReference);
        return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Waits until the dead-letter queue holds the message of that hub reference, and gives its failure reason. */
    String parkedReason(String deadLetterQueue, String hubReference) {
        return await("incident report " + hubReference + " parked on " + deadLetterQueue)
                .atMost(Duration.ofSeconds(60))
                .until(() -> browse(deadLetterQueue, hubReference), reason -> reason != null);
    }

    private String browse(String queue, String hubReference) throws Exception {
        try (Connection connection = brokerConnectionFactory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = session.createBrowser(session.createQueue(queue),
                    "navHubReference = '" + hubReference + "'");
            var messages = browser.getEnumeration();
            if (!messages.hasMoreElements()) {
                return null;
            }
            return ((Message) messages.nextElement()).getStringProperty("navFailureReason");
        }
    }
}
