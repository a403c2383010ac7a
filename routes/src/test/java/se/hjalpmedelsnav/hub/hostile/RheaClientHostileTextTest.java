package se.hjalpmedelsnav.hub.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.hjalpmedelsnav.hub.broker.EmbeddedBroker;
import se.hjalpmedelsnav.hub.broker.Queues;
import se.hjalpmedelsnav.hub.support.EmbeddedHubTest;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.hub.support.TestOrders;

/**
 * A municipality's client that is not Java: Node's rhea, which cannot decode an AMQP frame holding a
 * string with an unpaired UTF-16 surrogate and drops the connection on every attempt, so that one such
 * receipt would stop the municipality's {@code .out} for good. Stenungsund (1415), which no other test
 * uses, sends text with unpaired surrogates ({@code tools/kommun-client/hostile-text.js}), and before it
 * a CORE client sends an unreadable body under a correlation id with one: every receipt is decoded by
 * rhea, the refusals name the field, and a good order sent afterwards is accepted on the same queue.
 */
class RheaClientHostileTextTest extends EmbeddedHubTest {

    private static final String KOMMUN = "1415";
    private static final Duration SCRIPT_TIME = Duration.ofSeconds(90);

    @Autowired
    EmbeddedBroker broker;

    @Test
    void rheaDecodesEveryReceiptForTextWithUnpairedSurrogatesAndTheOutQueueKeepsFlowing() throws Exception {
        String coreMessageId = sendUnreadableBodyOverCoreWithACorrelationIdHoldingASurrogate();
        await("the CORE message's receipt on " + Queues.kommunOut(KOMMUN)).atMost(Duration.ofSeconds(30))
                .until(() -> broker.messageCount(Queues.kommunOut(KOMMUN)) >= 1);

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
        assertThat(coreReceiptCorrelatedWith(coreMessageId).path("status").asText())
                .as("the CORE message's receipt, under the broker's id of the message").isEqualTo("REJECTED");
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
            Message receipt = consumer.receive(Duration.ofSeconds(10).toMillis());
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
