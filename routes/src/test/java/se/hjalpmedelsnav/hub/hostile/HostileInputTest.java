package se.hjalpmedelsnav.hub.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.hjalpmedelsnav.hub.broker.EmbeddedBroker;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.hub.support.EmbeddedHubTest;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;
import se.hjalpmedelsnav.hub.support.TestOrders;
import se.hjalpmedelsnav.mappings.message.ErrorCode;

/**
 * The hostile-input corpus ({@link HostileInputs}: hand-made and jqwik-generated) sent through the
 * broker to a running hub: each input gets exactly one REJECTED receipt with stable error codes, the
 * hub stays up and accepts the next good order, and nothing lands on a dead-letter queue.
 */
class HostileInputTest extends EmbeddedHubTest {

    private static final long SEED = 20261123L;
    private static final int GENERATED = 220;
    private static final Set<String> CODES = Arrays.stream(ErrorCode.values()).map(Enum::name)
            .collect(Collectors.toSet());

    @Autowired
    EmbeddedBroker broker;

    @Test
    void everyHostileInputGetsExactlyOneRejectionAndTheHubStaysUp() throws Exception {
        List<HostileInputs.Hostile> corpus = new ArrayList<>(HostileInputs.handMade());
        corpus.addAll(HostileInputs.generated(GENERATED, SEED));
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        assertThat(HostileInputs.generated(GENERATED, SEED)).as("the same corpus from the same seed")
                .extracting(HostileInputs.Hostile::body)
                .containsExactlyElementsOf(corpus.subList(corpus.size() - GENERATED, corpus.size()).stream()
                        .map(HostileInputs.Hostile::body).toList());
        assertThat(corpus.stream().map(HostileInputs.Hostile::correlationId).collect(Collectors.toSet()))
                .as("one correlation id per input").hasSize(corpus.size());
        long parkedBefore = parked();

        try (var goteborg = new KommunAmqpClient(BROKER_PORT, HostileInputs.QUEUE_KOMMUN)) {
            for (HostileInputs.Hostile hostile : corpus) {
                goteborg.send(hostile.body(), hostile.correlationId());
            }
            await("a receipt for every hostile input").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> corpus.stream().allMatch(h -> !receipts(goteborg, h).isEmpty()));
            // Anything more would arrive by now: a good order sent after the corpus is answered first.
            String good = TestOrders.newMessageId();
            goteborg.send(TestOrders.validOrder(good));
            assertThat(goteborg.receipt(good).path("status").asText()).as("the hub still accepts a good order")
                    .isEqualTo("ACCEPTED");

            List<String> wrong = new ArrayList<>();
            var codesSeen = new HashSet<String>();
            for (HostileInputs.Hostile hostile : corpus) {
                List<JsonNode> receipts = receipts(goteborg, hostile);
                if (receipts.size() != 1) {
                    wrong.add(hostile.name() + ": " + receipts.size() + " receipts");
                    continue;
                }
                JsonNode receipt = receipts.get(0);
                if (!"REJECTED".equals(receipt.path("status").asText()) || receipt.path("errors").isEmpty()) {
                    wrong.add(hostile.name() + ": " + receipt.path("status").asText());
                }
                Set<String> sent = HostileInputs.sentStrings(hostile.body());
                for (JsonNode error : receipt.path("errors")) {
                    if (!CODES.contains(error.path("code").asText())) {
                        wrong.add(hostile.name() + ": unknown code " + error.path("code").asText());
                    }
                    codesSeen.add(error.path("code").asText());
                    String message = error.path("message").asText();
                    sent.stream().filter(message::contains).findFirst().ifPresent(quoted -> wrong.add(hostile.name()
                            + ": " + error.path("code").asText() + " on " + error.path("field").asText()
                            + " quotes a value sent (" + quoted.length() + " characters)"));
                }
            }
            HostileInputs.unpairedSurrogates().forEach((hostile, field) -> {
                List<JsonNode> receipts = receipts(goteborg, hostile);
                boolean named = false;
                for (JsonNode error : receipts.size() == 1 ? receipts.get(0).path("errors") : JSON.createArrayNode()) {
                    named |= "SCHEMA_INVALID".equals(error.path("code").asText())
                            && field.equals(error.path("field").asText());
                }
                if (!named) {
                    wrong.add(hostile.name() + ": no SCHEMA_INVALID on " + field);
                }
            });
            System.out.printf("Hostile corpus: %d inputs (%d hand-made, %d generated, seed %d), %d answered "
                    + "wrongly, codes seen %s%n", corpus.size(), corpus.size() - GENERATED, GENERATED, SEED,
                    wrong.size(), new java.util.TreeSet<>(codesSeen));
            assertThat(wrong).as("inputs not answered with exactly one REJECTED receipt naming no value sent").isEmpty();
            assertThat(codesSeen).contains("MALFORMED", "SCHEMA_INVALID", "MESSAGE_TOO_LARGE", "KOMMUN_MISMATCH",
                    "PERSONAL_ID_INVALID", "UNKNOWN_MESSAGE_TYPE");
        }
        assertThat(parked()).as("messages parked on a dead-letter queue instead of rejected").isEqualTo(parkedBefore);
        assertThat(get("/actuator/health").body()).contains("\"UP\"");
    }

    @Test
    void anAmqpFrameTheBrokerCannotReadIsRefusedToTheSenderAndTheQueueKeepsFlowing() throws Exception {
        try (var goteborg = new KommunAmqpClient(BROKER_PORT, HostileInputs.QUEUE_KOMMUN)) {
            // Qpid JMS (proton-j) declares more bytes than it writes for a lone surrogate: an unreadable frame.
            String unreadable = TestOrders.validOrder(TestOrders.newMessageId()).toString()
                    .replace("Tolvan", "Tolvan\uD800");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> goteborg.send(unreadable, "unreadable-frame"))
                    .isInstanceOf(jakarta.jms.JMSException.class);

            String good = TestOrders.newMessageId();
            goteborg.send(TestOrders.validOrder(good));
            assertThat(goteborg.receipt(good).path("status").asText()).isEqualTo("ACCEPTED");
        }
        assertThat(broker.messageCount(Queues.kommunIn(HostileInputs.QUEUE_KOMMUN))).isZero();
    }

    private static List<JsonNode> receipts(KommunAmqpClient client, HostileInputs.Hostile hostile) {
        return client.receivedFor(hostile.correlationId()).stream()
                .filter(message -> "RECEIPT".equals(message.path("type").asText())).toList();
    }

    private long parked() {
        return broker.messageCount(Queues.DLQ_KOMMUN_INTAKE) + broker.messageCount(Queues.DLQ_BROKER);
    }
}
