package se.hjalpmedelsnav.hub.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.hjalpmedelsnav.hub.support.EmbeddedHubTest;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;
import se.hjalpmedelsnav.hub.support.TestOrders;

/**
 * What the supplier sends back reaches a municipality's {@code .out} only as text every AMQP client can
 * decode, and its refusals quote nothing the municipality sent.
 */
class SupplierHostileTextTest extends EmbeddedHubTest {

    private static final String KOMMUN = "1480";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "reason     | BACKORDERED | \"deviceIds\":[],\"reason\":\"Slut i lager \\ud800\"",
            "deviceIds[1] | DELIVERED | \"deviceIds\":[\"IND-20000001\",\"IND-\\udc0020000002\"]",
            "supplierOrderId | CONFIRMED | \"deviceIds\":[],\"supplierOrderId\":\"SO-\\ud83d\"",
    })
    void refusesAnEventWithAnUnpairedSurrogateAndPassesNothingOn(String field, String status, String members)
            throws Exception {
        try (var goteborg = new KommunAmqpClient(BROKER_PORT, KOMMUN)) {
            String messageId = TestOrders.newMessageId();
            goteborg.send(TestOrders.validOrder(messageId));
            String hubReference = goteborg.receipt(messageId).path("hubReference").asText();
            goteborg.orderStatus(messageId, "DELIVERED");
            int before = goteborg.receivedFor(messageId).size();

            HttpResponse<String> refused = postEvent(("{\"eventId\":\"evt-%s\",\"orderId\":\"%s\","
                    + "\"eventType\":\"ORDER_STATUS\",\"status\":\"%s\",%s,"
                    + "\"occurredAt\":\"2026-11-23T12:00:00+01:00\"}").formatted(UUID.randomUUID(), hubReference,
                    status, members));

            assertThat(refused.statusCode()).isEqualTo(400);
            JsonNode answer = JSON.readTree(refused.body());
            assertThat(answer.path("code").asText()).isEqualTo("EVENT_TEXT_UNPAIRED_SURROGATE");
            assertThat(answer.path("errors")).singleElement().extracting(JsonNode::asText).asString()
                    .startsWith(field + " holds an unpaired UTF-16 surrogate");
            // Events are handled in order: once a later one is through, the refused one would have been too.
            assertThat(postEvent(("{\"eventId\":\"evt-%s\",\"orderId\":\"%s\",\"eventType\":\"ORDER_STATUS\","
                    + "\"status\":\"CANCELLED\",\"occurredAt\":\"2026-11-23T12:05:00+01:00\"}")
                    .formatted(UUID.randomUUID(), hubReference)).statusCode()).isEqualTo(202);
            goteborg.orderStatus(messageId, "CANCELLED");
            assertThat(goteborg.receivedFor(messageId)).as("the refused event passed on").hasSize(before + 1);
        }
    }

    @Test
    void tellsTheSuppliersRefusalByItsCodeWithoutQuotingTheArticle() throws Exception {
        try (var goteborg = new KommunAmqpClient(BROKER_PORT, KOMMUN)) {
            String messageId = TestOrders.newMessageId();
            ObjectNode order = TestOrders.validOrder(messageId);
            // In the demo registry, but the demo supplier no longer carries it: its API answers 422 UNKNOWN_ARTICLE.
            ((ObjectNode) order.path("lines").get(0)).put("articleNumber", "HMN-50002");
            goteborg.send(order);

            JsonNode refused = goteborg.orderStatus(messageId, "REJECTED_BY_SUPPLIER");

            assertThat(refused.path("errors")).singleElement().satisfies(error -> {
                assertThat(error.path("code").asText()).isEqualTo("SUPPLIER_REJECTED");
                assertThat(error.path("message").asText()).startsWith("UNKNOWN_ARTICLE: ")
                        .contains("does not carry an article of the order").doesNotContain("HMN-50002");
            });
        }
    }

    private static HttpResponse<String> postEvent(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/supplier/events")))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("supplier:supplier-dev".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
