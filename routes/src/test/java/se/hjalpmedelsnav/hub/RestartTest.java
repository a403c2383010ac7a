package se.hjalpmedelsnav.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;
import se.hjalpmedelsnav.hub.support.TestOrders;

/** What the hub knows survives a restart: the journal and the tracking store live in the data folder. */
@Tag(HubTest.STARTS_A_HUB)
class RestartTest {

    final int httpPort = HubTest.freePort();
    final int brokerPort = HubTest.freePort();
    final Path dataDir = HubTest.newDataDir();

    private ConfigurableApplicationContext startHub() {
        // As command-line arguments: they win over application.yml, like the tests' dynamic properties.
        var properties = HubTest.embeddedHubProperties(httpPort, brokerPort, dataDir);
        // Another in-VM broker id than the hub the other tests share in this JVM.
        properties.put("nav.broker.url", "vm://7");
        properties.put("camel.springboot.name", "hjalpmedelsnav-restart");
        String[] args = properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(HubApplication.class).run(args);
    }

    @Test
    void answersAMessageIdSentBeforeTheRestartAsADuplicate() throws Exception {
        String messageId = TestOrders.newMessageId();
        String hubReference;
        try (var hub = startHub(); var goteborg = new KommunAmqpClient(brokerPort, "1480")) {
            goteborg.send(TestOrders.validOrder(messageId));
            JsonNode receipt = goteborg.receipt(messageId);
            assertThat(receipt.path("status").asText()).isEqualTo("ACCEPTED");
            hubReference = receipt.path("hubReference").asText();
            goteborg.orderStatus(messageId, "DELIVERED");
        }

        try (var hub = startHub(); var goteborg = new KommunAmqpClient(brokerPort, "1480")) {
            goteborg.send(TestOrders.validOrder(messageId));
            JsonNode again = goteborg.awaitMessage(messageId, m -> m.path("duplicate").asBoolean());
            assertThat(again.path("hubReference").asText()).isEqualTo(hubReference);
            assertThat(again.path("status").asText()).isEqualTo("ACCEPTED");
        }
    }
}
