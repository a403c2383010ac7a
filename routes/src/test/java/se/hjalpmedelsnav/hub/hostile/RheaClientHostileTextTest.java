package se.hjalpmedelsnav.hub.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.hub.broker.EmbeddedBroker;
import se.hjalpmedelsnav.hub.support.EmbeddedHubTest;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;
import se.hjalpmedelsnav.hub.support.TestOrders;

/**
 * A municipality's client that is not Java: Node's rhea. An AMQP frame whose string holds an unpaired
 * UTF-16 surrogate is written by the broker (proton-j) declaring more bytes than it holds; rhea cannot
 * decode it ({@code RangeError [ERR_OUT_OF_RANGE]}) and drops the connection, on every reconnect, so one
 * such message stops the municipality's {@code .out} for good. Stenungsund (1415), which no other test
 * uses: before the script runs, the supplier posts an event with a surrogate in a device id (refused, so
 * it never reaches {@code .out}; before the webhook refused it, this is where rhea failed) and a CORE
 * client sends an unreadable body under a correlation id with one; then {@code tools/kommun-client/
 * hostile-text.js} sends text with unpaired surrogates and a good order. Rhea decodes every frame on
 * {@code .out}, the refusals name the field, and the good order is accepted on the same queue.
 */
class RheaClientHostileTextTest extends EmbeddedHubTest {

    private static final String KOMMUN = "1415";
    private static final Duration SCRIPT_TIME = Duration.ofSeconds(90);

    @Autowired
    EmbeddedBroker broker;

    @Test
    void rheaDecodesEveryReceiptForTextWithUnpairedSurrogatesAndTheOutQueueKeepsFlowing() throws Exception {
        String delivered = deliveredOrder();
        String coreMessageId = sendUnreadableBodyOverCoreWithACorrelationIdHoldingASurrogate();
        HttpResponse<String> hostileEvent = postEvent(event(delivered, "DELIVERED",
                "\"deviceIds\":[\"IND-\\ud800\"]"));
        assertThat(postEvent(event(delivered, "CANCELLED", "\"deviceIds\":[]")).statusCode()).isEqualTo(202);
        // On .out before the script reads it (events are handled in order): the CORE message's receipt and the
        // CANCELLED event, and the DELIVERED one with the surrogate had the webhook let it through.
        await("the CORE message's receipt and the event on " + Queues.kommunOut(KOMMUN))
                .atMost(Duration.ofSeconds(30)).until(() -> broker.messageCount(Queues.kommunOut(KOMMUN)) >= 2);

        Path order = Files.createTempFile(DATA_DIR, "stenungsund-order", ".json");
        Files.writeString(order, stenungsundOrder().toString());
        Process node = new ProcessBuilder("node", "hostile-text.js", "--kommun", KOMMUN, "--port",
                String.valueOf(BROKER_PORT), "--wait", "60", order.toString())
                .directory(Path.of("../tools/kommun-client").toFile())
                .redirectErrorStream(true)
                .start();
        boolean ended = node.waitFor(SCRIPT_TIME.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            node.destroyForcibly();
        }
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(ended).as("the script ended within %s: %s", SCRIPT_TIME, output).isTrue();
        assertThat(node.exitValue()).as("the script's exit code: %s", output).isZero();
        Map<String, JsonNode> receipts = new LinkedHashMap<>();
        Map<String, String> messageIds = new LinkedHashMap<>();
        for (String line : output.lines().filter(line -> line.startsWith("{")).toList()) {
            JsonNode printed = JSON.readTree(line);
            receipts.put(printed.path("step").asText(), printed.path("receipt"));
            messageIds.put(printed.path("step").asText(), printed.path("messageId").asText());
        }
        assertThat(receipts.keySet()).as(output).containsExactly("unpaired-high-surrogate-in-a-name",
                "unpaired-low-surrogate-in-the-messageId", "valid-order");

        JsonNode name = receipts.get("unpaired-high-surrogate-in-a-name");
        assertThat(name.path("status").asText()).isEqualTo("REJECTED");
        assertThat(name.path("inReplyTo").asText()).isEqualTo(messageIds.get("unpaired-high-surrogate-in-a-name"));
        assertThat(errors(name)).containsExactly(tuple("SCHEMA_INVALID", "orderer.name"));

        JsonNode messageId = receipts.get("unpaired-low-surrogate-in-the-messageId");
        assertThat(messageId.path("status").asText()).isEqualTo("REJECTED");
        assertThat(messageId.has("inReplyTo")).as("a messageId with a surrogate is not echoed").isFalse();
        assertThat(errors(messageId)).contains(tuple("SCHEMA_INVALID", "messageId"));

        JsonNode valid = receipts.get("valid-order");
        assertThat(valid.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(valid.path("inReplyTo").asText()).isEqualTo(messageIds.get("valid-order"));

        assertThat(receipts.values()).flatExtracting(receipt -> List.copyOf(receipt.findValuesAsText("message")))
                .noneMatch(text -> text.contains("Anna") || text.contains("rhea-"));
        assertThat(hostileEvent.statusCode()).as("an event with a surrogate in a device id: %s", hostileEvent.body())
                .isEqualTo(400);
        assertThat(coreReceiptCorrelatedWith(coreMessageId).path("status").asText())
                .as("the CORE message's receipt, under the broker's id of the message").isEqualTo("REJECTED");
    }

    /** An order of Stenungsund the supplier has delivered, by its hub reference; its events read and gone. */
    private static String deliveredOrder() throws Exception {
        try (var stenungsund = new KommunAmqpClient(BROKER_PORT, KOMMUN)) {
            String messageId = TestOrders.newMessageId();
            stenungsund.send(stenungsundOrder().put("messageId", messageId));
            String hubReference = stenungsund.receipt(messageId).path("hubReference").asText();
            stenungsund.orderStatus(messageId, "DELIVERED");
            return hubReference;
        }
    }

    private static String event(String hubReference, String status, String deviceIds) {
        return ("{\"eventId\":\"evt-%s\",\"orderId\":\"%s\",\"supplierOrderId\":\"SO-T1\",\"eventType\":\"ORDER_STATUS\","
                + "\"status\":\"%s\",%s,\"occurredAt\":\"2026-11-23T12:00:00+01:00\"}")
                .formatted(UUID.randomUUID(), hubReference, status, deviceIds);
    }

    private static HttpResponse<String> postEvent(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/supplier/events")))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("supplier:supplier-dev".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A valid order of Stenungsund: Göteborg's test order on Stenungsund's numbers. */
    private static ObjectNode stenungsundOrder() {
        ObjectNode order = TestOrders.validOrder("replaced-by-the-script");
        order.put("kommunCode", KOMMUN);
        order.put("customerNumber", "KN-1415-001");
        order.put("payerNumber", "BN-1415-01");
        return order;
    }

    /**
     * A CORE client can set any string as JMSCorrelationID, half a surrogate pair too. The body has no
     * messageId to correlate with, so the receipt would go back under that correlation id: a frame rhea
     * could not decode. The hub correlates it with the broker's id of the message instead.
     */
    private static String sendUnreadableBodyOverCoreWithACorrelationIdHoldingASurrogate() throws Exception {
        var factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT);
        try (var connection = factory.createConnection(HubTest.kommunUser(KOMMUN), HubTest.kommunPassword(KOMMUN))) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage message = session.createTextMessage("{\"type\":\"ORDER\",\"messageId\":");
            message.setJMSCorrelationID("core-correlation-\uD800");
            session.createProducer(session.createQueue(Queues.kommunIn(KOMMUN))).send(message);
            return message.getJMSMessageID();
        }
    }

    /** The receipt of the CORE message, read over CORE from what rhea left on the queue. */
    private static JsonNode coreReceiptCorrelatedWith(String jmsMessageId) throws Exception {
        var factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT);
        try (var connection = factory.createConnection(HubTest.kommunUser(KOMMUN), HubTest.kommunPassword(KOMMUN))) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var consumer = session.createConsumer(session.createQueue(Queues.kommunOut(KOMMUN)),
                    "JMSCorrelationID = '" + jmsMessageId + "'");
            connection.start();
            // 30 s: under the build's load (the kill run beside it) 10 s was once too short.
            Message receipt = consumer.receive(Duration.ofSeconds(30).toMillis());
            assertThat(receipt).as("a receipt correlated with %s", jmsMessageId).isNotNull();
            return JSON.readTree(((TextMessage) receipt).getText());
        }
    }

    private static List<org.assertj.core.groups.Tuple> errors(JsonNode receipt) {
        List<org.assertj.core.groups.Tuple> errors = new ArrayList<>();
        receipt.path("errors").forEach(error -> errors.add(tuple(error.path("code").asText(),
                error.path("field").asText())));
        return errors;
    }
}
