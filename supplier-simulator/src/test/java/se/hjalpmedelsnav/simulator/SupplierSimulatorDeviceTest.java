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
import static se.hjalpmedelsnav.simulator.SupplierReturns.aFaultReport;
import static se.hjalpmedelsnav.simulator.SupplierReturns.aReturn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
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
import se.hjalpmedelsnav.connectors.supplier.SupplierAccessToken;
import se.hjalpmedelsnav.connectors.supplier.SupplierApiProperties;
import se.hjalpmedelsnav.connectors.supplier.SupplierApiSchema;
import se.hjalpmedelsnav.mappings.returns.ReturnReason;
import se.hjalpmedelsnav.mappings.supplier.SupplierEvent;
import se.hjalpmedelsnav.mappings.supplier.SupplierEventStatus;
import se.hjalpmedelsnav.mappings.supplier.SupplierEventType;
import se.hjalpmedelsnav.mappings.supplier.SupplierFaultReport;
import se.hjalpmedelsnav.mappings.supplier.SupplierFaultReportReceipt;
import se.hjalpmedelsnav.mappings.supplier.SupplierFaultReportStatus;
import se.hjalpmedelsnav.mappings.supplier.SupplierProblem;
import se.hjalpmedelsnav.mappings.supplier.SupplierReceiptStatus;
import se.hjalpmedelsnav.mappings.supplier.SupplierReturn;
import se.hjalpmedelsnav.mappings.supplier.SupplierReturnReceipt;
import se.hjalpmedelsnav.mappings.supplier.SupplierReturnStatus;

/**
 * Returns and fault reports at the simulator over real HTTP, with WireMock standing in for the
 * hub's events webhook.
 */
@SpringBootTest(classes = SupplierSimulatorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "nav.simulator.standalone=true",
                "nav.simulator.enabled=true",
                "nav.simulator.client-id=" + SupplierSimulatorDeviceTest.CLIENT_ID,
                "nav.simulator.client-secret=" + SupplierSimulatorDeviceTest.CLIENT_SECRET,
                "nav.simulator.unknown-devices=IND-00000000,IND-99999999",
                "nav.simulator.webhook-username=" + SupplierSimulatorDeviceTest.WEBHOOK_USER,
                "nav.simulator.webhook-password=" + SupplierSimulatorDeviceTest.WEBHOOK_PASSWORD,
                "nav.simulator.confirm-delay=50ms",
                "nav.simulator.deliver-delay=200ms",
                "nav.simulator.webhook-backoff=50ms"})
class SupplierSimulatorDeviceTest {

    static final String CLIENT_ID = "hjalpmedelsnav-test";
    static final String CLIENT_SECRET = "simulator-test-secret";
    static final String WEBHOOK_USER = "supplier";
    static final String WEBHOOK_PASSWORD = "webhook-test-password";
    private static final String EVENTS = "/api/supplier/events";
    private static final Duration EVENTS_SETTLE = Duration.ofMillis(600);
    private static final String UNKNOWN_DEVICE = "IND-00000000";

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

    private final SupplierApiSchema schema = new SupplierApiSchema();
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
        http.postForEntity("/simulator/admin/mode", new SimulatorModeSetting(SimulatorMode.NORMAL, null), String.class);
        http.delete("/simulator/admin/returns");
        http.delete("/simulator/admin/fault-reports");
    }

    private ResponseEntity<String> send(String path, JsonNode body, String idempotencyKey, String authorization) {
        RequestEntity.BodyBuilder request = RequestEntity.post(path)
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", idempotencyKey);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return http.exchange(request.body(body), String.class);
    }

    private ResponseEntity<String> placeReturn(SupplierReturn supplierReturn) {
        return send("/simulator/api/returns", json.valueToTree(supplierReturn), supplierReturn.returnId(), bearer());
    }

    private ResponseEntity<String> placeFaultReport(SupplierFaultReport faultReport) {
        return send("/simulator/api/fault-reports", json.valueToTree(faultReport), faultReport.faultReportId(),
                bearer());
    }

    private String bearer() {
        return "Bearer " + accessToken.bearerToken();
    }

    private <T> T read(ResponseEntity<String> response, Class<T> type) throws JsonProcessingException {
        return json.readValue(response.getBody(), type);
    }

    /** The events the hub accepted (202) whose {@code field} is {@code reference}, in the order they arrived. */
    private List<JsonNode> eventBodies(String field, String reference) {
        return hub.findAll(postRequestedFor(urlEqualTo(EVENTS))
                        .withBasicAuth(new BasicCredentials(WEBHOOK_USER, WEBHOOK_PASSWORD))
                        .withRequestBody(matchingJsonPath("$." + field, equalTo(reference)))).stream()
                .map(request -> {
                    try {
                        return json.readTree(request.getBodyAsString());
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private List<SupplierEvent> events(String field, String reference) {
        return eventBodies(field, reference).stream().map(body -> {
            try {
                return json.treeToValue(body, SupplierEvent.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static Stream<Arguments> livesOfAcceptedRequests() {
        return Stream.of(
                Arguments.of("return, need ended", aReturn().build(),
                        List.of(SupplierReturnStatus.RECEIVED, SupplierReturnStatus.PICKED_UP)),
                Arguments.of("return, lost", aReturn().reason(ReturnReason.LOST).build(),
                        List.of(SupplierReturnStatus.LOST_REGISTERED)),
                Arguments.of("fault report, in service", aFaultReport().build(),
                        List.of(SupplierFaultReportStatus.RECEIVED, SupplierFaultReportStatus.IN_PROGRESS,
                                SupplierFaultReportStatus.RESOLVED)),
                Arguments.of("fault report, out of service", aFaultReport().outOfService(true).build(),
                        List.of(SupplierFaultReportStatus.RECEIVED, SupplierFaultReportStatus.IN_PROGRESS,
                                SupplierFaultReportStatus.DEVICE_REPLACED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("livesOfAcceptedRequests")
    void pushesTheLifeOfAnAcceptedRequestInOrderAndByTheContract(String description, Object request,
            List<SupplierEventStatus> expected) throws Exception {
        boolean isReturn = request instanceof SupplierReturn;
        String field = isReturn ? "returnId" : "faultReportId";
        String reference = isReturn ? ((SupplierReturn) request).returnId()
                : ((SupplierFaultReport) request).faultReportId();

        ResponseEntity<String> response = isReturn ? placeReturn((SupplierReturn) request)
                : placeFaultReport((SupplierFaultReport) request);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String supplierReference = isReturn
                ? read(response, SupplierReturnReceipt.class).supplierReturnId()
                : read(response, SupplierFaultReportReceipt.class).supplierFaultReportId();
        assertThat(supplierReference).isNotBlank();
        await().atMost(Duration.ofSeconds(10)).until(() -> events(field, reference).size() >= expected.size());
        await().during(EVENTS_SETTLE).atMost(EVENTS_SETTLE.multipliedBy(3))
                .until(() -> events(field, reference).size() == expected.size());
        List<SupplierEvent> events = events(field, reference);
        assertThat(events).extracting(SupplierEvent::status).containsExactlyElementsOf(expected);
        assertThat(events).extracting(SupplierEvent::eventType).containsOnly(
                isReturn ? SupplierEventType.RETURN_STATUS : SupplierEventType.FAULT_REPORT_STATUS);
        assertThat(events).extracting(SupplierEvent::supplierReference).containsOnly(supplierReference);
        assertThat(events).extracting(SupplierEvent::orderId).containsOnlyNulls();
        assertThat(events).extracting(SupplierEvent::eventId).doesNotHaveDuplicates();
        assertThat(eventBodies(field, reference)).allSatisfy(body ->
                assertThat(schema.violations(body, "SupplierEvent")).isEmpty());
    }

    @Test
    void namesTheNewDeviceWhenItReplacesOne() {
        SupplierFaultReport faultReport = aFaultReport().outOfService(true).build();

        placeFaultReport(faultReport);

        await().atMost(Duration.ofSeconds(10)).until(() -> events("faultReportId", faultReport.faultReportId()).size() == 3);
        SupplierEvent replaced = events("faultReportId", faultReport.faultReportId()).get(2);
        assertThat(replaced.deviceIds()).singleElement().asString().matches("IND-\\d{8}")
                .isNotEqualTo(faultReport.deviceId());
    }

    @Test
    void rejectsAReturnNamingADeviceItDoesNotKnow() throws Exception {
        SupplierReturn supplierReturn = aReturn().deviceIds("IND-10000001", UNKNOWN_DEVICE).build();

        ResponseEntity<String> response = placeReturn(supplierReturn);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        SupplierProblem problem = read(response, SupplierProblem.class);
        assertThat(problem.code()).isEqualTo("UNKNOWN_DEVICE");
        assertThat(problem.details()).containsExactly(UNKNOWN_DEVICE);
        assertThat(schema.violations(json.readTree(response.getBody()), "SupplierProblem")).isEmpty();
        await().during(EVENTS_SETTLE).atMost(EVENTS_SETTLE.multipliedBy(3))
                .until(() -> events("returnId", supplierReturn.returnId()).isEmpty());
    }

    @Test
    void rejectsAFaultReportOnADeviceItDoesNotKnow() throws Exception {
        SupplierFaultReport faultReport = aFaultReport().deviceId(UNKNOWN_DEVICE).build();

        ResponseEntity<String> response = placeFaultReport(faultReport);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(read(response, SupplierProblem.class).code()).isEqualTo("UNKNOWN_DEVICE");
        await().during(EVENTS_SETTLE).atMost(EVENTS_SETTLE.multipliedBy(3))
                .until(() -> events("faultReportId", faultReport.faultReportId()).isEmpty());
    }

    @Test
    void takesAReturnSentTwiceOnlyOnce() throws Exception {
        SupplierReturn supplierReturn = aReturn().build();

        ResponseEntity<String> first = placeReturn(supplierReturn);
        ResponseEntity<String> again = placeReturn(supplierReturn);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read(again, SupplierReturnReceipt.class)).isEqualTo(read(first, SupplierReturnReceipt.class));
        assertThat(read(first, SupplierReturnReceipt.class).status()).isEqualTo(SupplierReceiptStatus.RECEIVED);
        JsonNode received = http.getForObject("/simulator/admin/returns/" + supplierReturn.returnId(), JsonNode.class);
        assertThat(received.path("receivedCount").asInt()).isEqualTo(2);
        assertThat(received.path("body")).isEqualTo(json.valueToTree(supplierReturn));
        assertThat(http.getForObject("/simulator/admin/returns", JsonNode.class)).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> events("returnId", supplierReturn.returnId()).size() >= 2);
        await().during(EVENTS_SETTLE).atMost(EVENTS_SETTLE.multipliedBy(3))
                .until(() -> events("returnId", supplierReturn.returnId()).size() == 2);
    }

    @Test
    void takesAFaultReportSentTwiceOnlyOnce() throws Exception {
        SupplierFaultReport faultReport = aFaultReport().build();

        ResponseEntity<String> first = placeFaultReport(faultReport);
        ResponseEntity<String> again = placeFaultReport(faultReport);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read(again, SupplierFaultReportReceipt.class))
                .isEqualTo(read(first, SupplierFaultReportReceipt.class));
        assertThat(http.getForObject("/simulator/admin/fault-reports/" + faultReport.faultReportId(), JsonNode.class)
                .path("receivedCount").asInt()).isEqualTo(2);
        assertThat(http.getForObject("/simulator/admin/fault-reports", JsonNode.class)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/simulator/api/returns", "/simulator/api/fault-reports"})
    void refusesARequestWithoutAValidToken(String path) throws Exception {
        SupplierReturn supplierReturn = aReturn().build();

        ResponseEntity<String> response = send(path, json.valueToTree(supplierReturn), supplierReturn.returnId(),
                "Bearer made-up-token");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(read(response, SupplierProblem.class).code()).isEqualTo("UNAUTHORIZED");
    }

    @ParameterizedTest
    @EnumSource(value = SimulatorMode.class, names = {"FAIL_5XX", "DOWN"})
    void answers503WhenToldToFail(SimulatorMode mode) throws Exception {
        String authorization = bearer();
        http.postForEntity("/simulator/admin/mode", new SimulatorModeSetting(mode, null), String.class);
        SupplierFaultReport faultReport = aFaultReport().build();

        ResponseEntity<String> response = send("/simulator/api/fault-reports", json.valueToTree(faultReport),
                faultReport.faultReportId(), authorization);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(read(response, SupplierProblem.class).code()).isEqualTo("UNAVAILABLE");
        assertThat(http.getForObject("/simulator/admin/fault-reports", JsonNode.class)).isEmpty();
    }

    static Stream<Arguments> brokenReturns() {
        return Stream.of(
                Arguments.of("/deviceIds: minItems", (Consumer<ObjectNode>) body -> body.putArray("deviceIds")),
                Arguments.of("/reason: enum", (Consumer<ObjectNode>) body -> body.put("reason", "BORED")),
                Arguments.of("/pickup: required", (Consumer<ObjectNode>) body -> body.remove("pickup")),
                Arguments.of("/lost: required", (Consumer<ObjectNode>) body -> body.remove("lost")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenReturns")
    void refusesAReturnThatBreaksTheContract(String expected, Consumer<ObjectNode> breakage)
            throws Exception {
        SupplierReturn supplierReturn = aReturn().build();
        ObjectNode body = json.valueToTree(supplierReturn);
        breakage.accept(body);

        ResponseEntity<String> response = send("/simulator/api/returns", body, supplierReturn.returnId(), bearer());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        SupplierProblem problem = read(response, SupplierProblem.class);
        assertThat(problem.code()).isEqualTo("INVALID");
        assertThat(problem.details()).contains(expected);
    }

    @Test
    void refusesALostReturnThatStillNamesAPickup() throws Exception {
        SupplierReturn lost = aReturn().reason(ReturnReason.LOST).build();
        ObjectNode body = json.valueToTree(lost);
        body.set("pickup", json.valueToTree(aReturn().build().pickup()));

        ResponseEntity<String> response = send("/simulator/api/returns", body, lost.returnId(), bearer());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).doesNotContain("Hemvägen", "Kim Kontakt");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = "another-key")
    void refusesAnIdempotencyKeyOtherThanTheFaultReportId(String idempotencyKey) throws Exception {
        SupplierFaultReport faultReport = aFaultReport().build();

        ResponseEntity<String> response = send("/simulator/api/fault-reports", json.valueToTree(faultReport),
                idempotencyKey, bearer());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(read(response, SupplierProblem.class).details()).containsExactly("Idempotency-Key");
    }
}
