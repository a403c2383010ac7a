package se.hjalpmedelsnav.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.hjalpmedelsnav.hub.broker.EmbeddedBroker;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.broker.MessageProperties;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;
import se.hjalpmedelsnav.hub.support.TestOrders;
import se.hjalpmedelsnav.hub.intake.KommunIntakeRoutes;

/**
 * A failure inside a route a stage calls ({@code direct:kommun-out}, the send to a municipality's {@code .out}
 * queue) belongs to that stage: the message is retried the stage's attempts, then parked on the stage's own
 * dead-letter queue with the reason, not left to the broker's redeliveries and {@code nav.dlq.broker}; once the
 * fault is gone, a replay delivers it once. The fault is woven in before the send ({@code to-kommun-out}) of a
 * hub of this test's own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubRouteFailureParkingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ATTEMPTS = 3;
    private static final String KOMMUN = "1480";

    private final int httpPort = HubTest.freePort();
    private final int brokerPort = HubTest.freePort();
    private final Path dataDir = HubTest.newDataDir();
    private final OutQueueFault outQueueFault = new OutQueueFault();
    private final SupplierQueueFault supplierQueueFault = new SupplierQueueFault();

    private ConfigurableApplicationContext hub;
    private KommunAmqpClient goteborg;

    @BeforeAll
    void start() throws Exception {
        var properties = HubTest.embeddedHubProperties(httpPort, brokerPort, dataDir);
        properties.put("nav.broker.url", "vm://9");
        properties.put("camel.springboot.name", "hjalpmedelsnav-parking");
        properties.put("nav.stage.max-attempts", String.valueOf(MAX_ATTEMPTS));
        String[] args = properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
        hub = new SpringApplicationBuilder(HubApplication.class).run(args);
        AdviceWith.adviceWith(hub.getBean(CamelContext.class), "kommun-out",
                route -> route.weaveById("to-kommun-out").before().process(outQueueFault));
        AdviceWith.adviceWith(hub.getBean(CamelContext.class), "forward-accepted",
                route -> route.weaveById("to-supplier-queue").before().process(supplierQueueFault));
        goteborg = new KommunAmqpClient(brokerPort, KOMMUN);
    }

    @AfterAll
    void stop() throws Exception {
        goteborg.close();
        hub.close();
    }

    @AfterEach
    void outQueueBackAndNothingLeftToTheBroker() {
        outQueueFault.off();
        supplierQueueFault.on = false;
        assertThat(hub.getBean(EmbeddedBroker.class).messageCount(Queues.DLQ_BROKER))
                .as("messages the broker parked without a stage's reason").isZero();
    }

    @Test
    void aStatusEventWhoseSendToTheMunicipalityFailsIsParkedBySupplierEventsWithTheReasonAndReplayedOnce()
            throws Exception {
        String messageId = TestOrders.newMessageId();
        goteborg.send(TestOrders.validOrder(messageId));
        String hubReference = goteborg.receipt(messageId).path("hubReference").asText();
        goteborg.orderStatus(messageId, "DELIVERED");

        outQueueFault.refuse("ORDER_STATUS");
        assertThat(postEvent(event(hubReference, "BACKORDERED")).statusCode()).isEqualTo(202);

        JsonNode parked = awaitParked(Queues.DLQ_SUPPLIER_EVENTS);
        assertThat(parked.path("failedStage").asText()).isEqualTo("supplier-events");
        assertThat(parked.path("failureReason").asText()).contains("nav.kommun." + KOMMUN + ".out refused the send");
        assertThat(parked.path("originQueue").asText()).isEqualTo(Queues.SUPPLIER_EVENTS);
        assertThat(outQueueFault.refusedSends(messageId)).as("attempts of the stage").isEqualTo(MAX_ATTEMPTS);
        assertThat(goteborg.receivedFor(messageId)).noneMatch(m -> "BACKORDERED".equals(m.path("status").asText()));

        outQueueFault.off();
        replay(Queues.DLQ_SUPPLIER_EVENTS, parked);
        goteborg.orderStatus(messageId, "BACKORDERED");
        // Events are handled in order: once this later one is through, the replayed one is done with too.
        assertThat(postEvent(event(hubReference, "CANCELLED")).statusCode()).isEqualTo(202);
        goteborg.orderStatus(messageId, "CANCELLED");
        assertThat(goteborg.receivedFor(messageId))
                .filteredOn(m -> "BACKORDERED".equals(m.path("status").asText())).hasSize(1);
        assertThat(parkedOn(Queues.DLQ_SUPPLIER_EVENTS)).isEmpty();
    }

    @Test
    void aSupplierRefusalWhoseEventCannotBeSentIsParkedByTheDeliveryStageAndReplayedOnce() throws Exception {
        String messageId = TestOrders.newMessageId();
        ObjectNode order = TestOrders.validOrder(messageId);
        // The demo simulator no longer carries this article, while the hub's assortment still lists it: HTTP 4xx.
        ((ObjectNode) order.path("lines").get(0)).put("articleNumber", "HMN-50002");
        outQueueFault.refuse("ORDER_STATUS");
        goteborg.send(order);
        assertThat(goteborg.receipt(messageId).path("status").asText()).isEqualTo("ACCEPTED");

        JsonNode parked = awaitParked(Queues.DLQ_ORDER_TO_SUPPLIER);
        assertThat(parked.path("failureReason").asText()).contains("nav.kommun." + KOMMUN + ".out refused the send");
        assertThat(outQueueFault.refusedSends(messageId)).as("attempts of the stage").isEqualTo(MAX_ATTEMPTS);
        assertThat(goteborg.receivedFor(messageId))
                .noneMatch(m -> "REJECTED_BY_SUPPLIER".equals(m.path("status").asText()));

        outQueueFault.off();
        replay(Queues.DLQ_ORDER_TO_SUPPLIER, parked);
        JsonNode rejected = goteborg.orderStatus(messageId, "REJECTED_BY_SUPPLIER");
        // The supplier's code in the hub's words: never the article number sent.
        assertThat(rejected.path("errors").get(0).path("message").asText()).startsWith("UNKNOWN_ARTICLE: ")
                .doesNotContain("HMN-50002");
        // A later order's event is through the same .out queue: nothing more about the refused one is coming.
        String later = TestOrders.newMessageId();
        goteborg.send(TestOrders.validOrder(later));
        goteborg.orderStatus(later, "DELIVERED");
        assertThat(goteborg.receivedFor(messageId))
                .filteredOn(m -> "REJECTED_BY_SUPPLIER".equals(m.path("status").asText())).hasSize(1);
        assertThat(parkedOn(Queues.DLQ_ORDER_TO_SUPPLIER)).isEmpty();
    }

    @Test
    void anOrderWhoseReceiptCannotBeSentIsParkedByTheIntakeWithTheReasonAndReplayedOnce() throws Exception {
        outQueueFault.refuse("RECEIPT");
        String messageId = TestOrders.newMessageId();
        goteborg.send(TestOrders.validOrder(messageId));

        JsonNode parked = awaitParked(Queues.DLQ_KOMMUN_INTAKE);
        assertThat(parked.path("failedStage").asText()).isEqualTo(KommunIntakeRoutes.routeId(KOMMUN));
        assertThat(parked.path("failureReason").asText()).contains("nav.kommun." + KOMMUN + ".out refused the send");
        assertThat(parked.path("originQueue").asText()).isEqualTo(Queues.kommunIn(KOMMUN));
        assertThat(outQueueFault.refusedSends(messageId)).as("attempts of the stage").isEqualTo(MAX_ATTEMPTS);
        assertThat(goteborg.receivedFor(messageId)).noneMatch(m -> "RECEIPT".equals(m.path("type").asText()));

        outQueueFault.off();
        replay(Queues.DLQ_KOMMUN_INTAKE, parked);
        JsonNode receipt = goteborg.receipt(messageId);
        assertThat(receipt.path("duplicate").asBoolean()).as("sent once by the municipality: " + receipt).isFalse();
        String hubReference = receipt.path("hubReference").asText();
        goteborg.orderStatus(messageId, "DELIVERED");
        assertThat(goteborg.receivedFor(messageId))
                .filteredOn(m -> "RECEIPT".equals(m.path("type").asText())).hasSize(1);
        assertThat(supplierReceivedCount(hubReference)).isEqualTo(1);
        assertThat(parkedOn(Queues.DLQ_KOMMUN_INTAKE)).isEmpty();
    }

    @Test
    void anOrderThatCannotBeHandedOnIsParkedByTheIntakeWithoutAReceiptAndReplayedOnce() throws Exception {
        supplierQueueFault.on = true;
        String messageId = TestOrders.newMessageId();
        goteborg.send(TestOrders.validOrder(messageId));

        JsonNode parked = awaitParked(Queues.DLQ_KOMMUN_INTAKE);
        assertThat(parked.path("failedStage").asText()).isEqualTo(KommunIntakeRoutes.routeId(KOMMUN));
        assertThat(parked.path("failureReason").asText()).contains(Queues.ORDER_TO_SUPPLIER + " refused the send");
        assertThat(supplierQueueFault.refusedSends(messageId)).as("attempts of the stage").isEqualTo(MAX_ATTEMPTS);

        supplierQueueFault.on = false;
        consoleRetry(Queues.DLQ_KOMMUN_INTAKE);
        JsonNode receipt = goteborg.receipt(messageId);
        assertThat(receipt.path("duplicate").asBoolean()).as("sent once by the municipality: " + receipt).isFalse();
        String hubReference = receipt.path("hubReference").asText();
        goteborg.orderStatus(messageId, "DELIVERED");
        assertThat(goteborg.receivedFor(messageId)).as("no receipt went out with the parked attempt")
                .filteredOn(m -> "RECEIPT".equals(m.path("type").asText())).hasSize(1);
        assertThat(supplierReceivedCount(hubReference)).isEqualTo(1);
        assertThat(parkedOn(Queues.DLQ_KOMMUN_INTAKE)).isEmpty();
    }

    @Test
    void anIncidentReportWhoseSentEventCannotBeSentIsParkedByTheAuthorityStageWithTheReasonAndReplayedOnce()
            throws Exception {
        outQueueFault.refuse("INCIDENT_REPORT_STATUS");
        String messageId = "incident-" + UUID.randomUUID();
        goteborg.send(incidentReport(messageId));
        String hubReference = goteborg.receipt(messageId).path("hubReference").asText();

        JsonNode parked = awaitParked(Queues.DLQ_INCIDENT_TO_AUTHORITY);
        assertThat(parked.path("failedStage").asText()).isEqualTo("incident-authority-deliver");
        assertThat(parked.path("failureReason").asText()).contains("nav.kommun." + KOMMUN + ".out refused the send");
        assertThat(parked.path("originQueue").asText()).isEqualTo(Queues.INCIDENT_TO_AUTHORITY);
        assertThat(outQueueFault.refusedSends(messageId)).as("attempts of the stage").isEqualTo(MAX_ATTEMPTS);
        Path outbox = dataDir.resolve("lakemedelsverket/outbox");
        assertThat(outbox.resolve(hubReference + ".xml")).exists();

        outQueueFault.off();
        replay(Queues.DLQ_INCIDENT_TO_AUTHORITY, parked);
        goteborg.awaitMessage(messageId, m -> "INCIDENT_REPORT_STATUS".equals(m.path("type").asText())
                && "SENT".equals(m.path("status").asText()));
        assertThat(goteborg.receivedFor(messageId)).filteredOn(m -> "SENT".equals(m.path("status").asText())).hasSize(1);
        assertThat(parkedOn(Queues.DLQ_INCIDENT_TO_AUTHORITY)).isEmpty();
    }

    /** The municipality's out queue refusing the sends of one event type while on; counts the refusals by correlation id. */
    static final class OutQueueFault implements Processor {

        private volatile String refusedEventType;
        private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();

        void refuse(String eventType) {
            refusedEventType = eventType;
        }

        void off() {
            refusedEventType = null;
        }

        @Override
        public void process(Exchange exchange) {
            if (refusedEventType == null
                    || !refusedEventType.equals(exchange.getMessage().getHeader(MessageProperties.EVENT_TYPE))) {
                return;
            }
            String correlationId = exchange.getMessage().getHeader("JMSCorrelationID", String.class);
            refused.computeIfAbsent(String.valueOf(correlationId), id -> new AtomicInteger()).incrementAndGet();
            throw new IllegalStateException("nav.kommun."
                    + exchange.getMessage().getHeader(MessageProperties.KOMMUN_CODE) + ".out refused the send (test fault)");
        }

        int refusedSends(String correlationId) {
            AtomicInteger count = refused.get(correlationId);
            return count == null ? 0 : count.get();
        }
    }

    /** The supplier's queue refusing the intake's hand-off while on; counts the refusals by messageId. */
    static final class SupplierQueueFault implements Processor {

        volatile boolean on;
        private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();

        @Override
        public void process(Exchange exchange) {
            if (!on) {
                return;
            }
            String messageId = exchange.getMessage().getHeader(MessageProperties.MESSAGE_ID, String.class);
            refused.computeIfAbsent(String.valueOf(messageId), id -> new AtomicInteger()).incrementAndGet();
            throw new IllegalStateException(Queues.ORDER_TO_SUPPLIER + " refused the send (test fault)");
        }

        int refusedSends(String messageId) {
            AtomicInteger count = refused.get(messageId);
            return count == null ? 0 : count.get();
        }
    }

    /** Waits for the one message parked on that queue, as the admin API lists it. */
    private JsonNode awaitParked(String deadLetterQueue) {
        return await("a message parked on " + deadLetterQueue).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> parkedOn(deadLetterQueue), parked -> parked.size() == 1).get(0);
    }

    private JsonNode parkedOn(String deadLetterQueue) throws Exception {
        return JSON.readTree(send("GET", "/api/admin/dead-letters/" + deadLetterQueue, "viewer", "viewer-dev", null)
                .body());
    }

    private void replay(String deadLetterQueue, JsonNode parked) throws Exception {
        HttpResponse<String> replayed = send("POST", "/api/admin/dead-letters/" + deadLetterQueue
                + "/replay?jmsMessageId=" + URLEncoder.encode(parked.path("jmsMessageId").asText(), StandardCharsets.UTF_8),
                "admin", "admin-dev", null);
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(JSON.readTree(replayed.body()).path("replayed").asInt()).isEqualTo(1);
    }

    /** What the console's Artemis view does on "retry" for the one message parked on that queue, as the admin. */
    private void consoleRetry(String deadLetterQueue) throws Exception {
        String queueMBean = "org.apache.activemq.artemis:broker=\"hjalpmedelsnav-embedded-9\",component=addresses,"
                + "address=\"" + deadLetterQueue + "\",subcomponent=queues,routing-type=\"anycast\",queue=\""
                + deadLetterQueue + "\"";
        JsonNode listed = JSON.readTree(jolokiaExec(queueMBean, "listMessagesAsJSON(java.lang.String)/%22%22").body());
        JsonNode messages = JSON.readTree(listed.path("value").asText());
        assertThat(messages).as(listed.toString()).hasSize(1);
        JsonNode retried = JSON.readTree(jolokiaExec(queueMBean,
                "retryMessage(long)/" + messages.get(0).path("messageID").asLong()).body());
        assertThat(retried.path("value").asBoolean()).as(retried.toString()).isTrue();
    }

    private HttpResponse<String> jolokiaExec(String mbean, String operation) throws Exception {
        return send("GET", "/actuator/hawtio/jolokia/exec/" + URLEncoder.encode(mbean, StandardCharsets.UTF_8)
                .replace("+", "%20") + "/" + operation, "admin", "admin-dev", null);
    }

    private HttpResponse<String> postEvent(String event) throws Exception {
        return send("POST", "/api/supplier/events", "supplier", "supplier-dev", event);
    }

    private static String event(String hubReference, String status) {
        return """
                {"eventId":"evt-%s","orderId":"%s","supplierOrderId":"SO-P1","eventType":"ORDER_STATUS",
                 "status":"%s","deviceIds":[],"occurredAt":"2026-11-23T12:00:00+01:00"}"""
                .formatted(UUID.randomUUID(), hubReference, status);
    }

    /** An incident report of Göteborg; the device, event and reporter are fictional, the patient is by age and sex only. */
    private static String incidentReport(String messageId) {
        var report = JSON.createObjectNode();
        report.put("type", "INCIDENT_REPORT");
        report.put("messageId", messageId);
        report.put("kommunCode", KOMMUN);
        report.put("sentAt", "2026-11-23T10:15:00+01:00");
        report.putObject("reporter").put("organisation", "Hemsjukvården Centrum (fiktiv)")
                .put("name", "Fiktiv Sjuksköterska").put("role", "MAS").put("phone", "031-111 22 33")
                .put("email", "mas@example.se");
        report.put("eventDate", "2026-11-20");
        report.put("description", "Laddaren till talapparaten blev mycket varm.");
        report.put("consequence", "NO_INJURY");
        report.putObject("device").put("name", "Fiktiv Talapparat").put("manufacturer", "Testtillverkaren AB")
                .put("model", "TA-2").put("articleNumber", "HMN-30002").put("serialOrLot", "LOT-2025-117")
                .put("udiDi", "07350012345679").put("deviceId", "IND-12345678").put("medicalDevice", true);
        report.put("deviceKeptForInvestigation", true);
        report.putObject("patient").put("age", 84).put("sex", "FEMALE");
        report.put("actionsTaken", "Apparaten togs ur bruk och sparades för utredning.");
        return report.toString();
    }

    private int supplierReceivedCount(String hubReference) throws Exception {
        for (JsonNode order : JSON.readTree(send("GET", "/simulator/admin/orders", null, null, null).body())) {
            if (hubReference.equals(order.path("orderId").asText())) {
                return order.path("receivedCount").asInt();
            }
        }
        return 0;
    }

    private HttpResponse<String> send(String method, String path, String user, String password, String json)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
