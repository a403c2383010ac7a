package se.hjalpmedelsnav.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.hjalpmedelsnav.hub.support.EmbeddedHubTest;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;
import se.hjalpmedelsnav.hub.support.TestOrders;

/**
 * The Journey of one message on the shared test hub: an order the supplier simulator took over its API and reported
 * confirmed and delivered, and an order refused with its codes, each step in the order it happened, through
 * {@code GET /api/admin/messages/{hubReference}/journey}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JourneyInHubTest extends EmbeddedHubTest {

    KommunAmqpClient goteborg;

    @BeforeAll
    void connect() throws Exception {
        goteborg = new KommunAmqpClient(BROKER_PORT, "1480");
    }

    @AfterAll
    void disconnect() throws Exception {
        goteborg.close();
    }

    @Test
    void showsADeliveredOrderReceivedAcceptedHandedToTheSupplierApiConfirmedAndDelivered() throws Exception {
        String messageId = TestOrders.newMessageId();
        goteborg.send(TestOrders.validOrder(messageId));
        String hubReference = goteborg.receipt(messageId).path("hubReference").asText();
        goteborg.orderStatus(messageId, "DELIVERED");

        HttpResponse<String> response = getAs("viewer", "viewer-dev", "/api/admin/messages/" + hubReference + "/journey");
        JsonNode journey = JSON.readTree(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(journey.path("hubReference").asText()).isEqualTo(hubReference);
        assertThat(journey.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(steps(journey)).containsExactly("RECEIVED ORDER", "RECEIPT ACCEPTED", "HANDED_TO_SUPPLIER API",
                "SUPPLIER_EVENT CONFIRMED", "SUPPLIER_EVENT DELIVERED");
        assertInTimeOrder(journey);
        // References and codes only: no field of a step but its name, time and detail.
        for (JsonNode step : journey.path("steps")) {
            assertThat(step.properties()).extracting(java.util.Map.Entry::getKey)
                    .containsExactlyInAnyOrder("step", "at", "detail");
        }
        assertThat(response.body()).doesNotContain("KN-1480-001", "BESLUT-2026-1001", "Hemtjänst");
    }

    @Test
    void showsARefusedOrderWithItsErrorCodesAndNothingAfter() throws Exception {
        String messageId = TestOrders.newMessageId();
        goteborg.send(TestOrders.validOrder(messageId).put("customerNumber", "KN-1480-999"));
        JsonNode receipt = goteborg.receipt(messageId);
        assertThat(receipt.path("status").asText()).isEqualTo("REJECTED");
        Set<String> codes = new LinkedHashSet<>(receipt.path("errors").findValuesAsText("code"));
        assertThat(codes).isNotEmpty();

        JsonNode journey = JSON.readTree(getAs("admin", "admin-dev",
                "/api/admin/messages/" + receipt.path("hubReference").asText() + "/journey").body());

        assertThat(steps(journey)).containsExactly("RECEIVED ORDER", "RECEIPT REJECTED " + String.join(" ", codes));
        assertThat(journey.path("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void answers404ForAnUnknownHubReferenceAnd401WithoutALogin() throws Exception {
        String unknown = "/api/admin/messages/" + UUID.randomUUID() + "/journey";

        assertThat(getAs("viewer", "viewer-dev", unknown).statusCode()).isEqualTo(404);
        assertThat(get(unknown).statusCode()).isEqualTo(401);
    }

    private static List<String> steps(JsonNode journey) {
        List<String> steps = new ArrayList<>();
        journey.path("steps").forEach(s -> steps.add(s.path("step").asText() + " " + s.path("detail").asText()));
        return steps;
    }

    private static void assertInTimeOrder(JsonNode journey) {
        OffsetDateTime previous = null;
        for (JsonNode step : journey.path("steps")) {
            OffsetDateTime at = OffsetDateTime.parse(step.path("at").asText());
            if (previous != null) {
                assertThat(at).as(step.toString()).isAfterOrEqualTo(previous);
            }
            previous = at;
        }
    }
}
