package se.hjalpmedelsnav.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.hjalpmedelsnav.hub.support.EmbeddedHubTest;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;
import se.hjalpmedelsnav.hub.support.TestOrders;

/** The registry is changed while the hub runs: a good change is in force at once, a broken one is refused. */
class RegistryReloadTest extends EmbeddedHubTest {

    private final Path registry = HubTest.registryCopy(DATA_DIR);
    private String original;

    @BeforeEach
    void keepOriginal() throws Exception {
        original = Files.readString(registry);
    }

    @AfterEach
    void restoreOriginal() throws Exception {
        Files.writeString(registry, original);
        reload();
    }

    private static HttpResponse<String> reload() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/admin/registry/reload")))
                .header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString("admin:admin-dev".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ObjectNode orderFromKungalv(String messageId) {
        ObjectNode order = TestOrders.validOrder(messageId);
        order.put("kommunCode", "1482");
        order.put("customerNumber", "KN-1482-001");
        order.put("payerNumber", "BN-1482-01");
        return order;
    }

    @Test
    void putsAChangedRegistryInForceWithoutARestart() throws Exception {
        try (var kungalv = new KommunAmqpClient(BROKER_PORT, "1482")) {
            String before = TestOrders.newMessageId();
            kungalv.send(orderFromKungalv(before));
            assertThat(kungalv.receipt(before).path("status").asText()).isEqualTo("ACCEPTED");

            Files.writeString(registry, original.replaceFirst(
                    "(code: \"1482\"\\s+name: [^\\n]+\\s+agreementParty: )true", "$1false"));
            HttpResponse<String> reloaded = reload();
            assertThat(reloaded.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(reloaded.body()).path("outcome").asText()).isEqualTo("RELOADED");

            String after = TestOrders.newMessageId();
            kungalv.send(orderFromKungalv(after));
            JsonNode receipt = kungalv.receipt(after);
            assertThat(receipt.path("status").asText()).isEqualTo("REJECTED");
            assertThat(receipt.path("errors")).extracting(e -> e.path("code").asText()).contains("KOMMUN_NOT_PARTY");
        }
    }

    @Test
    void refusesABrokenRegistryNamingTheLineAndKeepsThePreviousInForce() throws Exception {
        Files.writeString(registry, original.replaceFirst("agreementParty: true", "agreementParty: maybe"));
        int brokenLine = original.substring(0, original.indexOf("agreementParty: true")).split("\n", -1).length;

        HttpResponse<String> refused = reload();

        JsonNode result = JSON.readTree(refused.body());
        assertThat(result.path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(result.path("message").asText()).contains("line " + brokenLine);
        try (var kungalv = new KommunAmqpClient(BROKER_PORT, "1482")) {
            String messageId = TestOrders.newMessageId();
            kungalv.send(orderFromKungalv(messageId));
            assertThat(kungalv.receipt(messageId).path("status").asText()).isEqualTo("ACCEPTED");
        }
    }

    @Test
    void letsOnlyAnAdminReloadTheRegistry() throws Exception {
        HttpResponse<String> asViewer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url("/api/admin/registry/reload")))
                        .header("Authorization", "Basic "
                                + Base64.getEncoder().encodeToString("viewer:viewer-dev".getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(asViewer.statusCode()).isEqualTo(403);
    }
}
