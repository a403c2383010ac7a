package se.hjalpmedelsnav.hub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.hub.broker.EmbeddedBroker;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;
import se.hjalpmedelsnav.hub.support.TestOrders;

/**
 * The supplier's API failing the ways real ones do: 5xx, answers that never come (time-out), a closed
 * port (connection refused), a reset connection, and slow answers. Between the hub and the supplier
 * (the simulator) sits a real HTTP proxy (WireMock) that is told to fail; the hub retries with
 * back-off and, once the supplier is back, every order pending reaches it exactly once.
 */
@Tag(HubTest.STARTS_A_HUB)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupplierOutageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RECOVERY = Duration.ofSeconds(120);

    private final int httpPort = HubTest.freePort();
    private final int brokerPort = HubTest.freePort();
    private final int proxyPort = HubTest.freePort();
    private final Path dataDir = HubTest.newDataDir();

    private WireMockServer proxy;
    private ConfigurableApplicationContext hub;
    private KommunAmqpClient boras;

    @BeforeAll
    void start() throws Exception {
        proxy = startProxy();
        var properties = HubTest.embeddedHubProperties(httpPort, brokerPort, dataDir);
        properties.put("nav.broker.url", "vm://5");
        properties.put("camel.springboot.name", "hjalpmedelsnav-outage");
        properties.put("nav.supplier.api.url", "http://localhost:" + proxyPort + "/simulator/api");
        properties.put("nav.supplier.api.response-timeout", "3s");
        properties.put("nav.supplier.api.connect-timeout", "2s");
        // A budget the outages below stay within: nothing of this test should be parked.
        properties.put("nav.stage.max-attempts", "20");
        String[] args = properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
        hub = new SpringApplicationBuilder(HubApplication.class).run(args);
        boras = new KommunAmqpClient(brokerPort, "1490");
    }

    @AfterAll
    void stop() throws Exception {
        boras.close();
        hub.close();
        proxy.stop();
    }

    @BeforeEach
    void freshRequestJournal() {
        proxy.resetRequests();
    }

    @AfterEach
    void nothingParked() {
        EmbeddedBroker broker = hub.getBean(EmbeddedBroker.class);
        assertThat(broker.messageCount(Queues.DLQ_ORDER_TO_SUPPLIER)).isZero();
        assertThat(broker.messageCount(Queues.DLQ_BROKER)).isZero();
        simulatorMode("NORMAL");
    }

    @Test
    void ordersSentWhileTheSupplierAnswers503AreDeliveredOnceWhenItRecovers() throws Exception {
        StubMapping failing = proxy.stubFor(post(urlEqualTo("/simulator/api/orders")).atPriority(1)
                .willReturn(aResponse().withStatus(503).withBody("{\"code\":\"UNAVAILABLE\"}")));
        List<String> hubReferences = sendOrders(3);
        awaitRetried(hubReferences);

        proxy.removeStub(failing);
        assertDeliveredOnce(hubReferences);
    }

    @Test
    void anAnswerThatNeverComesIsRetriedAndTheSupplierStillHasTheOrderOnce() throws Exception {
        // The supplier takes the order but answers after the hub stopped waiting (3 s): the lost answer.
        simulatorMode("SLOW", 6_000);
        List<String> hubReferences = sendOrders(2);
        awaitRetried(hubReferences);

        simulatorMode("NORMAL");
        assertDeliveredOnce(hubReferences);
        for (String hubReference : hubReferences) {
            assertThat(supplierOrder(hubReference).path("receivedCount").asInt())
                    .as("posted more than once, registered once by its Idempotency-Key").isGreaterThan(1);
        }
    }

    @Test
    void ordersSentWhileTheSuppliersPortIsClosedAreDeliveredWhenItOpensAgain() throws Exception {
        proxy.stop();
        List<String> hubReferences = sendOrders(3);
        // Let the hub meet the closed port a few times.
        Thread.sleep(4_000);
        assertThat(supplierOrders()).extracting(order -> order.path("orderId").asText())
                .doesNotContainAnyElementsOf(hubReferences);

        proxy = startProxy();
        assertDeliveredOnce(hubReferences);
    }

    @Test
    void aConnectionResetBySupplierIsRetried() throws Exception {
        StubMapping resetting = proxy.stubFor(post(urlEqualTo("/simulator/api/orders")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        List<String> hubReferences = sendOrders(2);
        awaitRetried(hubReferences);

        proxy.removeStub(resetting);
        assertDeliveredOnce(hubReferences);
    }

    @Test
    void aSlowSupplierWithinTheTimeOutGetsEachOrderOnce() throws Exception {
        simulatorMode("SLOW", 1_000);
        List<String> hubReferences = sendOrders(3);
        // On a loaded machine a slow answer may still miss the time-out and be posted again: once is what counts.
        assertDeliveredOnce(hubReferences);
    }

    private WireMockServer startProxy() {
        WireMockServer server = new WireMockServer(options().port(proxyPort).bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10)
                .willReturn(aResponse().proxiedFrom("http://localhost:" + httpPort)));
        return server;
    }

    private List<String> sendOrders(int count) throws Exception {
        List<String> hubReferences = new ArrayList<>();
        List<String> messageIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String messageId = TestOrders.newMessageId();
            var order = TestOrders.validOrder(messageId);
            order.put("kommunCode", "1490");
            order.put("customerNumber", "KN-1490-001");
            order.put("payerNumber", "BN-1490-01");
            boras.send(order);
            messageIds.add(messageId);
        }
        for (String messageId : messageIds) {
            JsonNode receipt = boras.receipt(messageId);
            assertThat(receipt.path("status").asText()).as(receipt.toString()).isEqualTo("ACCEPTED");
            hubReferences.add(receipt.path("hubReference").asText());
        }
        return hubReferences;
    }

    /** Waits until the hub has tried the supplier with each of these orders at least twice (through the proxy). */
    private void awaitRetried(List<String> hubReferences) {
        for (String hubReference : hubReferences) {
            await("the hub retrying " + hubReference).atMost(Duration.ofSeconds(60))
                    .until(() -> proxy.countRequestsMatching(postRequestedFor(urlEqualTo("/simulator/api/orders"))
                            .withHeader("Idempotency-Key", equalTo(hubReference)).build()).getCount() >= 2);
        }
    }

    private void assertDeliveredOnce(List<String> hubReferences) {
        await("every pending order at the supplier").atMost(RECOVERY).pollInterval(Duration.ofMillis(500))
                .until(() -> supplierOrders().stream().map(order -> order.path("orderId").asText()).toList()
                        .containsAll(hubReferences));
        List<String> atSupplier = new ArrayList<>();
        supplierOrders().forEach(order -> atSupplier.add(order.path("orderId").asText()));
        for (String hubReference : hubReferences) {
            assertThat(atSupplier.stream().filter(hubReference::equals).count())
                    .as("orders the supplier holds for " + hubReference).isEqualTo(1);
        }
    }

    private JsonNode supplierOrder(String hubReference) {
        return supplierOrders().stream().filter(order -> hubReference.equals(order.path("orderId").asText()))
                .findFirst().orElseThrow();
    }

    private List<JsonNode> supplierOrders() {
        List<JsonNode> orders = new ArrayList<>();
        get("/simulator/admin/orders").forEach(orders::add);
        return orders;
    }

    private JsonNode get(String path) {
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + httpPort + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void simulatorMode(String mode) {
        simulatorMode(mode, null);
    }

    private void simulatorMode(String mode, Integer slowMillis) {
        var setting = new java.util.HashMap<String, Object>(Map.of("mode", mode));
        if (slowMillis != null) {
            setting.put("slowMillis", slowMillis);
        }
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + httpPort + "/simulator/admin/mode"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(setting))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
