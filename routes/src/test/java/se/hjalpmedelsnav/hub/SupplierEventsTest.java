package se.hjalpmedelsnav.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.hub.support.EmbeddedHubTest;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;
import se.hjalpmedelsnav.hub.support.TestOrders;

/** The supplier's events into the hub: authenticated, checked, passed on once, never dropped. */
class SupplierEventsTest extends EmbeddedHubTest {


    private static HttpResponse<String> postEvent(String body, String user, String password) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url("/api/supplier/events")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postEvent(String body) throws Exception {
        return postEvent(body, "supplier", "supplier-dev");
    }

    private static String event(String eventId, String orderId, String status) {
        return """
                {"eventId":"%s","orderId":"%s","supplierOrderId":"SO-T1","eventType":"ORDER_STATUS",
                 "status":"%s","deviceIds":[],"occurredAt":"2026-11-23T12:00:00+01:00"}""".formatted(eventId, orderId,
                status);
    }

    @Test
    void refusesEventsWithoutTheSuppliersCredentials() throws Exception {
        String body = event("evt-" + UUID.randomUUID(), UUID.randomUUID().toString(), "CONFIRMED");

        assertThat(postEvent(body, null, null).statusCode()).isEqualTo(401);
        assertThat(postEvent(body, "viewer", "viewer-dev").statusCode()).isEqualTo(403);
        assertThat(postEvent(body, "supplier", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void refusesAMalformedEventWith400AndTheReasons() throws Exception {
        assertThat(postEvent("{not json").statusCode()).isEqualTo(400);

        HttpResponse<String> missing = postEvent("{\"eventType\":\"ORDER_STATUS\",\"status\":\"CONFIRMED\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("eventId is required", "orderId is required");
    }

    @Test
    void refusesRegisteredBySupplierOverTheWebhookItComesFromAnOrderAgreementFileOnly() throws Exception {
        HttpResponse<String> registered = postEvent(("{\"eventId\":\"%s\",\"orderId\":\"%s\",\"eventType\":\"ORDER_STATUS\","
                + "\"status\":\"REGISTERED_BY_SUPPLIER\",\"occurredAt\":\"2026-11-23T10:15:00+01:00\"}")
                .formatted(UUID.randomUUID(), UUID.randomUUID()));

        assertThat(registered.statusCode()).isEqualTo(400);
        assertThat(registered.body()).contains("REGISTERED_BY_SUPPLIER is not a webhook status");
    }

    @Test
    void parksAnEventForAnOrderTheHubNeverSentWithItsReason() throws Exception {
        String unknownOrder = UUID.randomUUID().toString();

        assertThat(postEvent(event("evt-" + UUID.randomUUID(), unknownOrder, "DELIVERED")).statusCode())
                .isEqualTo(202);

        Message parked = await().atMost(Duration.ofSeconds(30))
                .until(() -> parkedEventFor(unknownOrder), found -> found != null);
        assertThat(parked.getStringProperty("navFailureReason")).contains("no order, return or fault report with hub reference " + unknownOrder);
        assertThat(parked.getStringProperty("navFailedStage")).isEqualTo("supplier-events");
        assertThat(parked.getStringProperty("navParkPolicy")).as("parked at once, not after retries").isEqualTo("PERMANENT");
        assertThat(parked.getStringProperty("_AMQ_ORIG_ADDRESS")).isEqualTo(Queues.SUPPLIER_EVENTS);
    }

    @Test
    void replaysAParkedEventForAnUnknownOrderAndItIsParkedAgainWithItsReplayCounted() throws Exception {
        String unknownOrder = UUID.randomUUID().toString();
        postEvent(event("evt-" + UUID.randomUUID(), unknownOrder, "DELIVERED"));
        Message parked = await().atMost(Duration.ofSeconds(30))
                .until(() -> parkedEventFor(unknownOrder), found -> found != null);

        HttpResponse<String> replay = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        url("/api/admin/dead-letters/" + Queues.DLQ_SUPPLIER_EVENTS + "/replay?jmsMessageId="
                                + java.net.URLEncoder.encode(parked.getJMSMessageID(), StandardCharsets.UTF_8))))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:admin-dev".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(replay.body());
        assertThat(answer.path("replayed").asInt()).as(replay.body()).isEqualTo(1);
        assertThat(answer.path("replays").get(0).path("targetQueue").asText()).isEqualTo(Queues.SUPPLIER_EVENTS);
        Message again = await().atMost(Duration.ofSeconds(30)).until(() -> {
            Message found = parkedEventFor(unknownOrder);
            return found != null && found.getObjectProperty("navReplayCount") != null ? found : null;
        }, found -> found != null);
        assertThat(again.getIntProperty("navReplayCount")).isEqualTo(1);
        assertThat(again.getStringProperty("navParkPolicy")).isEqualTo("PERMANENT");
    }

    @Test
    void passesOnAnEventTheSupplierSendsTwiceOnlyOnce() throws Exception {
        try (var goteborg = new KommunAmqpClient(BROKER_PORT, "1480")) {
            String messageId = TestOrders.newMessageId();
            goteborg.send(TestOrders.validOrder(messageId));
            String hubReference = goteborg.receipt(messageId).path("hubReference").asText();
            goteborg.orderStatus(messageId, "DELIVERED");

            String backordered = event("evt-" + UUID.randomUUID(), hubReference, "BACKORDERED");
            assertThat(postEvent(backordered).statusCode()).isEqualTo(202);
            assertThat(postEvent(backordered).statusCode()).isEqualTo(202);
            // Events are handled in order: once this later one is through, both copies above are too.
            postEvent(event("evt-" + UUID.randomUUID(), hubReference, "CANCELLED"));
            goteborg.orderStatus(messageId, "CANCELLED");

            assertThat(goteborg.receivedFor(messageId))
                    .filteredOn(m -> "BACKORDERED".equals(m.path("status").asText())).hasSize(1);
        }
    }

    /**
     * The events of one message reach the municipality in the order the supplier sent them, although several
     * consumers take the events queue ({@code nav.supplier.events.consumers}): each message's events are one
     * message group. Twenty events per order for six orders, the six orders' events posted at once.
     */
    @Test
    void passesOnTheEventsOfOneOrderInTheOrderTheSupplierSentThemDespiteSeveralConsumers() throws Exception {
        int orders = 6;
        int eventsPerOrder = 20;
        try (var goteborg = new KommunAmqpClient(BROKER_PORT, "1480")) {
            var messageIds = new java.util.ArrayList<String>();
            var hubReferences = new java.util.ArrayList<String>();
            for (int i = 0; i < orders; i++) {
                String messageId = TestOrders.newMessageId();
                goteborg.send(TestOrders.validOrder(messageId));
                messageIds.add(messageId);
            }
            for (String messageId : messageIds) {
                hubReferences.add(goteborg.receipt(messageId).path("hubReference").asText());
            }
            for (String messageId : messageIds) { // the simulator's own CONFIRMED is through first
                goteborg.orderStatus(messageId, "CONFIRMED");
            }
            // One poster per order, each sending its order's events one after the other, all six at once: the
            // queue fills faster than one consumer takes it, and the broker deals it out to all of them.
            var posters = java.util.concurrent.Executors.newFixedThreadPool(orders);
            try {
                var posted = new java.util.ArrayList<java.util.concurrent.Future<?>>();
                for (String hubReference : hubReferences) {
                    posted.add(posters.submit(() -> {
                        for (int k = 0; k < eventsPerOrder; k++) {
                            String body = event("evt-" + UUID.randomUUID(), hubReference, "BACKORDERED")
                                    .replace("\"SO-T1\"", "\"SEQ-" + k + "\"");
                            assertThat(postEvent(body).statusCode()).isEqualTo(202);
                        }
                        return null;
                    }));
                }
                for (var poster : posted) {
                    poster.get();
                }
            } finally {
                posters.shutdownNow();
            }

            for (String messageId : messageIds) {
                await().atMost(Duration.ofSeconds(60)).until(() -> sequenceAt(goteborg, messageId).size(),
                        size -> size == eventsPerOrder);
                assertThat(sequenceAt(goteborg, messageId)).as("the events of " + messageId + " as they arrived")
                        .isSorted();
            }
        }
    }

    /** The sequence numbers of the SEQ-<k> events the municipality got for one message, in the order they came. */
    private static java.util.List<Integer> sequenceAt(KommunAmqpClient kommun, String messageId) {
        return kommun.receivedFor(messageId).stream()
                .map(m -> m.path("supplierOrderId").asText())
                .filter(reference -> reference.startsWith("SEQ-"))
                .map(reference -> Integer.valueOf(reference.substring("SEQ-".length())))
                .toList();
    }

    private static Message parkedEventFor(String orderId) throws Exception {
        // Over CORE, as the hub parked it: a Qpid JMS browser once hung 30 s on this queue under load.
        try (Connection connection = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT)
                .createConnection(HubTest.BROKER_ADMIN_USER, HubTest.BROKER_ADMIN_PASSWORD)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var browser = session.createBrowser(session.createQueue(Queues.DLQ_SUPPLIER_EVENTS));
            connection.start();
            for (Object candidate : Collections.list(browser.getEnumeration())) {
                Message message = (Message) candidate;
                JsonNode body = JSON.readTree(message.getBody(String.class));
                if (orderId.equals(body.path("orderId").asText())) {
                    return message;
                }
            }
            return null;
        }
    }
}
