package se.hjalpmedelsnav.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;
import se.hjalpmedelsnav.hub.support.EmbeddedHubTest;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;
import se.hjalpmedelsnav.hub.support.TestOrders;

/**
 * What the hub takes in is bounded: the supplier's webhook by {@code nav.supplier.webhook.max-bytes}
 * (checked on the stream, not on what the request says of itself) and JSON nesting; a municipality's
 * message by {@code nav.intake.max-bytes} (a REJECTED receipt), and behind that by the broker's own
 * {@code nav.broker.max-message-bytes}: Artemis caps only an address's total, the hub's broker plugin
 * refuses a larger single message at the sender's {@code send}.
 */
class InputLimitsTest extends EmbeddedHubTest {

    private static final int WEBHOOK_MAX_BYTES = 65536;

    private static HttpResponse<String> postEvent(HttpRequest.BodyPublisher body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/supplier/events")))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("supplier:supplier-dev".getBytes(StandardCharsets.UTF_8)))
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String eventOfSize(int bytes) {
        String start = "{\"eventId\":\"evt-" + UUID.randomUUID() + "\",\"orderId\":\"" + UUID.randomUUID()
                + "\",\"eventType\":\"ORDER_STATUS\",\"status\":\"CONFIRMED\",\"occurredAt\":\"2026-11-23T12:00:00+01:00\","
                + "\"reason\":\"";
        return start + "x".repeat(bytes - start.length() - 2) + "\"}";
    }

    @Test
    void refusesAWebhookEventOverTheLimitWith413AndItsCode() throws Exception {
        HttpResponse<String> answer = postEvent(HttpRequest.BodyPublishers.ofString(eventOfSize(WEBHOOK_MAX_BYTES + 1)));

        assertThat(answer.statusCode()).isEqualTo(413);
        JsonNode error = JSON.readTree(answer.body());
        assertThat(error.path("code").asText()).isEqualTo("EVENT_TOO_LARGE");
        assertThat(error.path("errors").get(0).asText()).contains("65536 bytes", "nav.supplier.webhook.max-bytes");
    }

    @Test
    void refusesAnOversizedEventSentWithoutContentLength() throws Exception {
        byte[] event = eventOfSize(3 * WEBHOOK_MAX_BYTES).getBytes(StandardCharsets.UTF_8);

        // A stream of unknown length goes out chunked: only reading it can tell its size.
        HttpResponse<String> answer = postEvent(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(event)));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(answer.body()).path("code").asText()).isEqualTo("EVENT_TOO_LARGE");
    }

    @Test
    void refusesAnEventWithAStringLongerThanAnEventHasWith400AndTheReason() throws Exception {
        HttpResponse<String> answer = postEvent(HttpRequest.BodyPublishers.ofString(eventOfSize(10_000)));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("string longer than 4096 characters").doesNotContain("xxxx");
    }

    @Test
    void answersAMessageOfSeveralMebibytesWithMessageTooLarge() throws Exception {
        String messageId = TestOrders.newMessageId();
        ObjectNode order = TestOrders.validOrder(messageId);
        order.put("kommunCode", "1446");
        order.put("note", "x".repeat(5 << 20));

        try (var client = new KommunAmqpClient(BROKER_PORT, "1446")) {
            client.send(order.toString(), messageId);

            JsonNode receipt = client.receipt(messageId);
            assertThat(receipt.path("status").asText()).isEqualTo("REJECTED");
            assertThat(receipt.path("errors").get(0).path("code").asText()).isEqualTo("MESSAGE_TOO_LARGE");
        }
    }

    @Test
    void refusesAMessageOverTheBrokersLimitAtTheSendersSendOverAmqpAndCore() throws Exception {
        String body = "x".repeat(11 << 20);
        var amqp = new JmsConnectionFactory("amqp://127.0.0.1:" + BROKER_PORT);
        var core = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT);

        for (ConnectionFactory factory : List.of(amqp, core)) {
            try (Connection connection = factory.createConnection(HubTest.kommunUser("1446"),
                    HubTest.kommunPassword("1446"))) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(session.createQueue("nav.kommun.1446.in"));

                assertThatThrownBy(() -> producer.send(session.createTextMessage(body)))
                        .as(factory.getClass().getSimpleName())
                        .isInstanceOf(JMSException.class)
                        .hasMessageContaining("the broker takes at most 10485760 bytes");
            }
        }
        try (var client = new KommunAmqpClient(BROKER_PORT, "1446")) {
            String messageId = TestOrders.newMessageId();
            ObjectNode order = TestOrders.validOrder(messageId);
            order.put("kommunCode", "1446");
            client.send(order.toString(), messageId);
            assertThat(client.receipt(messageId).path("inReplyTo").asText())
                    .as("the municipality's queue goes on after the refusal: its next message is answered")
                    .isEqualTo(messageId);
        }
    }
}
