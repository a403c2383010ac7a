package se.hjalpmedelsnav.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run against one hub on its embedded default. All subclasses share the
 * same ports and data folder, so Spring starts that hub once for all of them.
 */
@Tag(HubTest.STARTS_A_HUB)
@AutoConfigureObservability
@SpringBootTest(classes = se.hjalpmedelsnav.hub.HubApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class EmbeddedHubTest {

    protected static final int HTTP_PORT = HubTest.freePort();
    protected static final int BROKER_PORT = HubTest.freePort();
    protected static final Path DATA_DIR = HubTest.newDataDir();
    protected static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HubTest.embeddedHub(registry, HTTP_PORT, BROKER_PORT, DATA_DIR);
    }

    protected static String url(String path) {
        return "http://localhost:" + HTTP_PORT + path;
    }

    protected static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A GET with basic authentication, as the admin API's and actuator's machine clients do it. */
    protected static HttpResponse<String> getAs(String user, String password, String path) throws Exception {
        String credentials = java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + credentials).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Everything the supplier simulator received, each with how often it was posted. */
    protected static JsonNode supplierOrders() throws Exception {
        HttpResponse<String> response = get("/simulator/admin/orders");
        if (response.statusCode() != 200) {
            throw new AssertionError("simulator admin answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    protected static JsonNode supplierReceived(String hubReference) throws Exception {
        for (JsonNode order : supplierOrders()) {
            if (hubReference.equals(order.path("orderId").asText())) {
                return order;
            }
        }
        throw new AssertionError("the supplier received no order " + hubReference);
    }
}
