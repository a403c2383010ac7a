package se.hjalpmedelsnav.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.hjalpmedelsnav.connectors.supplier.SupplierOrders.anOrder;
import se.hjalpmedelsnav.connectors.supplier.SupplierOrders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import se.hjalpmedelsnav.connectors.supplier.SupplierAccessToken;
import se.hjalpmedelsnav.connectors.supplier.SupplierApiProperties;
import se.hjalpmedelsnav.mappings.supplier.SupplierEvent;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrder;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderReceipt;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderStatus;
import se.hjalpmedelsnav.mappings.supplier.SupplierProblem;
import se.hjalpmedelsnav.mappings.supplier.SupplierReceiptStatus;

/** The simulator over real HTTP, with WireMock standing in for the hub's events webhook. */
@SpringBootTest(classes = SupplierSimulatorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "nav.simulator.standalone=true",
                "nav.simulator.enabled=true",
                "nav.simulator.client-id=" + SupplierSimulatorTest.CLIENT_ID,
                "nav.simulator.client-secret=" + SupplierSimulatorTest.CLIENT_SECRET,
                "nav.simulator.withdrawn-articles=ART-GONE,ART-OLD",
                "nav.simulator.webhook-username=" + SupplierSimulatorTest.WEBHOOK_USER,
                "nav.simulator.webhook-password=" + SupplierSimulatorTest.WEBHOOK_PASSWORD,
                "nav.simulator.confirm-delay=50ms",
                "nav.simulator.deliver-delay=300ms",
                "nav.simulator.webhook-backoff=50ms"})
class SupplierSimulatorTest {

    static final String CLIENT_ID = "hjalpmedelsnav-test";
    static final String CLIENT_SECRET = "simulator-test-secret";
    static final String WEBHOOK_USER = "supplier";
    static final String WEBHOOK_PASSWORD = "webhook-test-password";
    private static final String EVENTS = "/api/supplier/events";
    private static final Duration EVENTS_SETTLE = Duration.ofMillis(600);

    @RegisterExtension
    static WireMockExtension hub = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        registry.add("nav.simulator.webhook-url", () -> hub.baseUrl() + EVENTS);
    }

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    SimulatedSupplier supplier;

    private SupplierAccessToken accessToken;

    @BeforeEach
    void hubAcceptsEventsWithItsCredentials() {
        hub.stubFor(post(EVENTS).withBasicAuth(WEBHOOK_USER, WEBHOOK_PASSWORD).willReturn(aResponse().withStatus(202)));
        accessToken = new SupplierAccessToken(new SupplierApiProperties(
                URI.create("http://localhost:" + port + "/simulator/api"),
                URI.create("http://localhost:" + port + "/simulator/oauth/token"), CLIENT_ID, CLIENT_SECRET,
                Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }

    @AfterEach
    void backToNormal() {
        switchMode(new SimulatorModeSetting(SimulatorMode.NORMAL, null));
        http.delete("/simulator/admin/orders");
    }

    private ResponseEntity<String> placeOrder(SupplierOrder order) {
        return placeOrder(json.valueToTree(order), order.orderId(), "Bearer " + accessToken.bearerToken());
    }

    private ResponseEntity<String> placeOrder(JsonNode body, String idempotencyKey, String authorization) {
        RequestEntity.BodyBuilder request = RequestEntity.post("/simulator/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", idempotencyKey);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return http.exchange(request.body(body), String.class);
    }

    private void switchMode(SimulatorModeSetting setting) {
        assertThat(http.postForEntity("/simulator/admin/mode", setting, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private <T> T read(ResponseEntity<String> response, Class<T> type) throws JsonProcessingException {
        return json.readValue(response.getBody(), type);
    }

    /** The events for one order the hub accepted (202), in the order they arrived. */
    private List<SupplierEvent> eventsFor(String orderId) {
        return hub.findAll(postRequestedFor(urlEqualTo(EVENTS))
                        .withBasicAuth(new BasicCredentials(WEBHOOK_USER, WEBHOOK_PASSWORD))
                        .withRequestBody(matchingJsonPath("$.orderId", equalTo(orderId)))).stream()
                .map(request -> {
                    try {
                        return json.readValue(request.getBodyAsString(), SupplierEvent.class);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private JsonNode received(String orderId) {
        return json.valueToTree(http.getForObject("/simulator/admin/orders/" + orderId, JsonNode.class));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"Bearer made-up-token", "Basic aGphbHBtZWRlbHNuYXY6c2VjcmV0"})
    void refusesAnOrderWithoutAValidToken(String authorization) throws Exception {
        SupplierOrder order = anOrder().build();

        ResponseEntity<String> response = placeOrder(json.valueToTree(order), order.orderId(), authorization);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(read(response, SupplierProblem.class).code()).isEqualTo("UNAUTHORIZED");
        assertThat(http.getForObject("/simulator/admin/orders", JsonNode.class)).isEmpty();
    }

    @Test
    void issuesTokensToTheConfiguredClientOnly() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", CLIENT_ID);
        form.add("client_secret", "not-the-secret");
        RequestEntity<MultiValueMap<String, String>> wrongSecret = RequestEntity.post("/simulator/oauth/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form);

        ResponseEntity<JsonNode> refused = http.exchange(wrongSecret, JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refused.getBody().path("error").asText()).isEqualTo("invalid_client");

        form.set("client_secret", CLIENT_SECRET);
        ResponseEntity<JsonNode> issued = http.exchange(RequestEntity.post("/simulator/oauth/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form), JsonNode.class);

        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(issued.getBody().path("token_type").asText()).isEqualTo("Bearer");
        assertThat(issued.getBody().path("expires_in").asLong()).isPositive();
        SupplierOrder order = anOrder().build();
        assertThat(placeOrder(json.valueToTree(order), order.orderId(),
                "Bearer " + issued.getBody().path("access_token").asText()).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void confirmsThenDeliversAnAcceptedOrderWithOneDeviceIdPerUnit() throws Exception {
        SupplierOrder order = anOrder().line("ART-1001", 2).line("ART-2002", 1).build();

        ResponseEntity<String> response = placeOrder(order);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        SupplierOrderReceipt receipt = read(response, SupplierOrderReceipt.class);
        assertThat(receipt.status()).isEqualTo(SupplierReceiptStatus.RECEIVED);
        assertThat(receipt.supplierOrderId()).isNotBlank();

        await().atMost(Duration.ofSeconds(10)).until(() -> eventsFor(order.orderId()).size() == 2);
        List<SupplierEvent> events = eventsFor(order.orderId());
        assertThat(events).extracting(SupplierEvent::status)
                .containsExactly(SupplierOrderStatus.CONFIRMED, SupplierOrderStatus.DELIVERED);
        assertThat(events).extracting(SupplierEvent::supplierOrderId).containsOnly(receipt.supplierOrderId());
        assertThat(events).extracting(SupplierEvent::eventId).doesNotHaveDuplicates();
        assertThat(events.get(0).expectedDeliveryDate()).isNotNull();
        assertThat(events.get(1).deviceIds()).hasSize(3).doesNotHaveDuplicates()
                .allMatch(deviceId -> deviceId.matches("IND-\\d{8}"));
        // Traceability: each delivered device is registered on the user (compared, never printed).
        for (String deviceId : events.get(1).deviceIds()) {
            assertThat(supplier.holderOf(deviceId).map(SupplierOrders.PERSONAL_ID::equals).orElse(false))
                    .as("device %s is registered on the order's user", deviceId).isTrue();
        }
    }

    @Test
    void registersAHandOutFromStockAsDeliveredAtOnceWithThatDeviceOnThatUserAndShipsNothing() throws Exception {
        SupplierOrder order = anOrder().line("ART-1001", 1).build().asHandOutOf("IND-BW-000001");

        ResponseEntity<String> response = placeOrder(order);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        await().atMost(Duration.ofSeconds(10)).until(() -> !eventsFor(order.orderId()).isEmpty());
        List<SupplierEvent> events = eventsFor(order.orderId());
        assertThat(events).extracting(SupplierEvent::status).containsExactly(SupplierOrderStatus.DELIVERED);
        assertThat(events.get(0).deviceIds()).containsExactly("IND-BW-000001");
        assertThat(supplier.holderOf("IND-BW-000001").map(SupplierOrders.PERSONAL_ID::equals).orElse(false))
                .as("the device handed out is registered on the order's user").isTrue();
    }

    @Test
    void rejectsAnOrderForAWithdrawnArticleNamingTheArticle() throws Exception {
        SupplierOrder order = anOrder().line("ART-1001", 1).line("ART-GONE", 1).build();

        ResponseEntity<String> response = placeOrder(order);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        SupplierProblem problem = read(response, SupplierProblem.class);
        assertThat(problem.code()).isEqualTo("UNKNOWN_ARTICLE");
        assertThat(problem.message()).contains("ART-GONE").doesNotContain("ART-1001");
        assertThat(problem.details()).containsExactly("ART-GONE");
        await().during(EVENTS_SETTLE).atMost(EVENTS_SETTLE.multipliedBy(3))
                .until(() -> eventsFor(order.orderId()).isEmpty());
    }

    @Test
    void takesAnOrderSentTwiceOnlyOnce() throws Exception {
        SupplierOrder order = anOrder().line("ART-1001", 1).build();

        ResponseEntity<String> first = placeOrder(order);
        ResponseEntity<String> again = placeOrder(order);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read(again, SupplierOrderReceipt.class)).isEqualTo(read(first, SupplierOrderReceipt.class));
        assertThat(received(order.orderId()).path("receivedCount").asInt()).isEqualTo(2);
        assertThat(http.getForObject("/simulator/admin/orders", JsonNode.class)).hasSize(1);
        JsonNode summary = http.getForObject("/simulator/admin/orders/summary", JsonNode.class);
        assertThat(summary.path("orders").asInt()).isEqualTo(1);
        assertThat(summary.path("repeatedPosts").asInt()).isEqualTo(1);
        assertThat(summary.path("lastReceivedAt").asText()).isEqualTo(summary.path("firstReceivedAt").asText())
                .isEqualTo(received(order.orderId()).path("firstReceivedAt").asText());
        await().atMost(Duration.ofSeconds(10)).until(() -> eventsFor(order.orderId()).size() >= 2);
        await().during(EVENTS_SETTLE).atMost(EVENTS_SETTLE.multipliedBy(3))
                .until(() -> eventsFor(order.orderId()).size() == 2);
        assertThat(eventsFor(order.orderId())).extracting(SupplierEvent::status)
                .containsExactly(SupplierOrderStatus.CONFIRMED, SupplierOrderStatus.DELIVERED);
    }

    @Test
    void keepsTheOrderExactlyAsReceived() {
        SupplierOrder order = anOrder().build();

        placeOrder(order);

        assertThat(received(order.orderId()).path("order")).isEqualTo(json.valueToTree(order));
    }

    @ParameterizedTest
    @EnumSource(value = SimulatorMode.class, names = {"FAIL_5XX", "DOWN"})
    void answers503WhenToldToFail(SimulatorMode mode) throws Exception {
        String token = accessToken.bearerToken();
        switchMode(new SimulatorModeSetting(mode, null));
        SupplierOrder order = anOrder().build();

        ResponseEntity<String> response = placeOrder(json.valueToTree(order), order.orderId(), "Bearer " + token);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(read(response, SupplierProblem.class).code()).isEqualTo("UNAVAILABLE");
        assertThat(received(order.orderId()).isEmpty()).as("nothing reached the supplier").isTrue();
    }

    @Test
    void refusesTokensWhenDown() {
        switchMode(new SimulatorModeSetting(SimulatorMode.DOWN, null));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", CLIENT_ID);
        form.add("client_secret", CLIENT_SECRET);

        ResponseEntity<String> response = http.exchange(RequestEntity.post("/simulator/oauth/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void answersLateInSlowMode() {
        String token = accessToken.bearerToken();
        switchMode(new SimulatorModeSetting(SimulatorMode.SLOW, 400L));
        SupplierOrder order = anOrder().build();

        long start = System.nanoTime();
        ResponseEntity<String> response = placeOrder(json.valueToTree(order), order.orderId(), "Bearer " + token);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void pushesAnEventAgainWhenTheHubFailsToTakeIt() {
        SupplierOrder order = anOrder().build();
        hub.stubFor(post(EVENTS).withRequestBody(matchingJsonPath("$.orderId", equalTo(order.orderId())))
                .inScenario("hub hiccup").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));

        placeOrder(order);

        await().atMost(Duration.ofSeconds(10)).until(() -> eventsFor(order.orderId()).size() == 3);
        List<SupplierEvent> events = eventsFor(order.orderId());
        assertThat(events).extracting(SupplierEvent::status).containsExactly(SupplierOrderStatus.CONFIRMED,
                SupplierOrderStatus.CONFIRMED, SupplierOrderStatus.DELIVERED);
        assertThat(events.get(1).eventId()).as("the same event again").isEqualTo(events.get(0).eventId());
    }

    @Test
    void refusesAnOrderThatBreaksTheContract() throws Exception {
        SupplierOrder order = anOrder().build();
        ObjectNode body = json.valueToTree(order);
        body.putArray("lines");
        body.remove("payerNumber");

        ResponseEntity<String> response = placeOrder(body, order.orderId(), "Bearer " + accessToken.bearerToken());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        SupplierProblem problem = read(response, SupplierProblem.class);
        assertThat(problem.code()).isEqualTo("INVALID");
        assertThat(problem.details()).contains("/lines: minItems", "/payerNumber: required");
    }

    @Test
    void refusesAnIdempotencyKeyOtherThanTheOrderId() throws Exception {
        SupplierOrder order = anOrder().build();

        ResponseEntity<String> response = placeOrder(json.valueToTree(order), "another-key",
                "Bearer " + accessToken.bearerToken());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(read(response, SupplierProblem.class).details()).containsExactly("Idempotency-Key");
    }

    @Test
    void forgetsEverythingReceivedOnDelete() {
        placeOrder(anOrder().build());
        assertThat(http.getForObject("/simulator/admin/orders", JsonNode.class)).hasSize(1);

        http.delete("/simulator/admin/orders");

        assertThat(http.getForObject("/simulator/admin/orders", JsonNode.class)).isEmpty();
    }
}
