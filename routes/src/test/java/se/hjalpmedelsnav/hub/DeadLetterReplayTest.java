package se.hjalpmedelsnav.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.hub.support.EmbeddedHubTest;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;
import se.hjalpmedelsnav.hub.support.TestOrders;

/**
 * An order the supplier could not take within the retry budget is parked with its reason, listed for
 * operators without its content, and replayed by an admin through the admin API or the console's
 * Artemis "retry"; it then reaches the supplier once, and the replay is on record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterReplayTest extends EmbeddedHubTest {

    private static final String DLQ = Queues.DLQ_ORDER_TO_SUPPLIER;

    private KommunAmqpClient goteborg;

    @BeforeAll
    void connect() throws Exception {
        goteborg = new KommunAmqpClient(BROKER_PORT, "1480");
    }

    @AfterAll
    void disconnect() throws Exception {
        goteborg.close();
    }

    @AfterEach
    void supplierBackToNormal() throws Exception {
        simulatorMode("NORMAL");
    }

    @Test
    void anAdminReplaysAParkedOrderThroughTheAdminApiAndItReachesTheSupplierOnce() throws Exception {
        String hubReference = orderParkedWhileTheSupplierFails();
        JsonNode parked = parkedEntry(hubReference);
        assertThat(parked.path("failedStage").asText()).isEqualTo("supplier-api-order-deliver");
        assertThat(parked.path("failureReason").asText()).contains("HTTP 503");
        assertThat(parked.path("originQueue").asText()).isEqualTo(Queues.ORDER_TO_SUPPLIER);
        assertThat(parked.path("kommunCode").asText()).isEqualTo("1480");
        String listing = getAs("viewer", "viewer-dev", "/api/admin/dead-letters/" + DLQ).body();
        assertThat(listing).doesNotContain("1212").doesNotContain("Tolvan");
        assertThat(JSON.readTree(getAs("viewer", "viewer-dev", "/api/admin/dead-letters").body()).path(DLQ).asInt())
                .isPositive();

        simulatorMode("NORMAL");
        String replay = "/api/admin/dead-letters/" + DLQ + "/replay?jmsMessageId="
                + URLEncoder.encode(parked.path("jmsMessageId").asText(), StandardCharsets.UTF_8);
        assertThat(postAs("viewer", "viewer-dev", replay).statusCode()).isEqualTo(403);
        HttpResponse<String> replayed = postAs("admin", "admin-dev", replay);
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(replayed.body()).path("replayed").asInt()).isEqualTo(1);

        goteborg.orderStatus(messageIdOf(hubReference), "DELIVERED");
        assertThat(supplierReceived(hubReference).path("receivedCount").asInt()).isEqualTo(1);
        assertThat(parkedHubReferences()).doesNotContain(hubReference);

        JsonNode audit = JSON.readTree(getAs("viewer", "viewer-dev", "/api/admin/replays?hubReference=" + hubReference)
                .body());
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).path("replayedBy").asText()).isEqualTo("admin");
        assertThat(audit.get(0).path("via").asText()).isEqualTo("admin-api");
        assertThat(audit.get(0).path("deadLetterQueue").asText()).isEqualTo(DLQ);
        assertThat(audit.get(0).path("targetQueue").asText()).isEqualTo(Queues.ORDER_TO_SUPPLIER);
        assertThat(audit.get(0).path("replayedAt").asText()).isNotBlank();
        // A second replay of the same message finds nothing to replay.
        assertThat(postAs("admin", "admin-dev", replay).statusCode()).isEqualTo(404);
    }

    @Test
    void theConsolesArtemisRetryPutsAParkedOrderBackWhereItCameFrom() throws Exception {
        String hubReference = orderParkedWhileTheSupplierFails();
        simulatorMode("NORMAL");

        // What Hawtio's Artemis view does on "retry": listMessages, then retryMessage(id) on the queue's MBean.
        String queueMBean = "org.apache.activemq.artemis:broker=\"hjalpmedelsnav-embedded\",component=addresses,"
                + "address=\"" + DLQ + "\",subcomponent=queues,routing-type=\"anycast\",queue=\"" + DLQ + "\"";
        JsonNode messages = JSON.readTree(jolokiaExec("admin", "admin-dev", queueMBean,
                "listMessagesAsJSON(java.lang.String)/%22%22").body()).path("value");
        long artemisId = -1;
        for (JsonNode message : JSON.readTree(messages.asText())) {
            if (hubReference.equals(message.path(se.hjalpmedelsnav.broker.MessageProperties.HUB_REFERENCE).asText())) {
                artemisId = message.path("messageID").asLong();
            }
        }
        assertThat(artemisId).as("the parked order in the console's message list").isPositive();
        assertThat(jolokiaExec("viewer", "viewer-dev", queueMBean, "retryMessage(long)/" + artemisId).statusCode())
                .isEqualTo(403);
        HttpResponse<String> retried = jolokiaExec("admin", "admin-dev", queueMBean,
                "retryMessage(long)/" + artemisId);
        assertThat(JSON.readTree(retried.body()).path("value").asBoolean()).as(retried.body()).isTrue();

        goteborg.orderStatus(messageIdOf(hubReference), "DELIVERED");
        assertThat(supplierReceived(hubReference).path("receivedCount").asInt()).isEqualTo(1);

        long retriedId = artemisId;
        JsonNode audit = JSON.readTree(getAs("viewer", "viewer-dev", "/api/admin/replays?limit=20").body());
        assertThat(audit).anySatisfy(replay -> {
            assertThat(replay.path("replayedBy").asText()).isEqualTo("admin");
            assertThat(replay.path("via").asText()).isEqualTo("console");
            assertThat(replay.path("deadLetterQueue").asText()).isEqualTo(DLQ);
            assertThat(replay.path("failureReason").asText()).contains("retryMessage").contains(String.valueOf(retriedId));
        });
    }

    /** Sends an order while the supplier answers 503, and waits until the delivery stage parks it. */
    private String orderParkedWhileTheSupplierFails() throws Exception {
        simulatorMode("FAIL_5XX");
        String messageId = TestOrders.newMessageId();
        goteborg.send(TestOrders.validOrder(messageId));
        String hubReference = goteborg.receipt(messageId).path("hubReference").asText();
        await("the order parked on " + DLQ).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> parkedHubReferences().contains(hubReference));
        return hubReference;
    }

    private String messageIdOf(String hubReference) throws Exception {
        return JSON.readTree(getAs("viewer", "viewer-dev", "/api/admin/messages?hubReference=" + hubReference)
                .body()).get(0).path("messageId").asText();
    }

    private JsonNode parkedEntry(String hubReference) throws Exception {
        for (JsonNode parked : JSON.readTree(getAs("viewer", "viewer-dev", "/api/admin/dead-letters/" + DLQ).body())) {
            if (hubReference.equals(parked.path("hubReference").asText())) {
                return parked;
            }
        }
        throw new AssertionError(hubReference + " is not parked on " + DLQ);
    }

    private java.util.List<String> parkedHubReferences() throws Exception {
        var references = new java.util.ArrayList<String>();
        for (JsonNode parked : JSON.readTree(getAs("viewer", "viewer-dev", "/api/admin/dead-letters/" + DLQ).body())) {
            references.add(parked.path("hubReference").asText());
        }
        return references;
    }

    private static void simulatorMode(String mode) throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/simulator/admin/mode")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + mode + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postAs(String user, String password, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", basic(user, password))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A Jolokia GET exec, as the console's machine clients may send it with basic authentication. */
    private static HttpResponse<String> jolokiaExec(String user, String password, String mbean, String operation)
            throws Exception {
        String path = "/actuator/hawtio/jolokia/exec/" + URLEncoder.encode(mbean, StandardCharsets.UTF_8)
                .replace("+", "%20") + "/" + operation;
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", basic(user, password)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
