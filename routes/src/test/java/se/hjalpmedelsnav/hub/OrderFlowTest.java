package se.hjalpmedelsnav.hub;

import se.hjalpmedelsnav.hub.support.NodeKommunClient;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.hjalpmedelsnav.hub.support.EmbeddedHubTest;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;
import se.hjalpmedelsnav.hub.support.TestOrders;

/**
 * The order flow end to end on the embedded default: a municipality's system sends over AMQP 1.0
 * to the real embedded broker, the hub enforces and answers, the supplier simulator takes the order
 * over real HTTP (OAuth2) and reports back through the webhook.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderFlowTest extends EmbeddedHubTest {

    KommunAmqpClient goteborg;

    @BeforeAll
    void connect() throws Exception {
        goteborg = new KommunAmqpClient(BROKER_PORT, "1480");
    }

    @AfterAll
    void disconnect() throws Exception {
        goteborg.close();
    }

    @Test
    void acceptsAValidOrderAndReportsItConfirmedAndDeliveredWithDeviceIds() throws Exception {
        String messageId = TestOrders.newMessageId();

        goteborg.send(TestOrders.validOrder(messageId));

        JsonNode receipt = goteborg.receipt(messageId);
        assertThat(receipt.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(receipt.path("duplicate").asBoolean()).isFalse();
        assertThat(receipt.path("errors")).isEmpty();
        String hubReference = receipt.path("hubReference").asText();
        assertThat(hubReference).matches("[0-9a-f-]{36}");

        assertThat(goteborg.orderStatus(messageId, "CONFIRMED").path("hubReference").asText()).isEqualTo(hubReference);
        JsonNode delivered = goteborg.orderStatus(messageId, "DELIVERED");
        assertThat(delivered.path("deviceIds")).hasSize(2);

        JsonNode atSupplier = supplierReceived(hubReference);
        assertThat(atSupplier.path("receivedCount").asInt()).isEqualTo(1);
        JsonNode order = atSupplier.path("order");
        assertThat(order.path("orderId").asText()).isEqualTo(hubReference);
        assertThat(order.path("municipalityCode").asText()).isEqualTo("1480");
        assertThat(order.path("customer").path("customerNumber").asText()).isEqualTo("KN-1480-001");
        assertThat(order.path("customer").path("unitName").asText()).isEqualTo("Hemtjänst Centrum");
        assertThat(order.path("payerNumber").asText()).isEqualTo("BN-1480-01");
        assertThat(order.path("process").asText()).isEqualTo("EXECUTION");
        assertThat(order.path("decisionReference").asText()).isEqualTo("BESLUT-2026-1001");
        assertThat(order.path("orderer").path("role").asText()).isEqualTo("ARBETSTERAPEUT");
        assertThat(order.path("recipient").path("protectedIdentity").asBoolean()).isFalse();
        assertThat(order.path("delivery").path("target").asText()).isEqualTo("UNIT");
        assertThat(order.path("delivery").path("address").path("city").asText()).isEqualTo("Göteborg");
        assertThat(order.path("lines")).hasSize(1);
        assertThat(order.path("lines").get(0).path("articleNumber").asText()).isEqualTo("HMN-10001");
        assertThat(order.path("lines").get(0).path("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void sendsTheSupplierOnlyWhatItNeedsOfAUserWithProtectedIdentity() throws Exception {
        String messageId = TestOrders.newMessageId();
        ObjectNode order = TestOrders.validOrder(messageId);
        ((ObjectNode) order.path("recipient")).put("protection", "SEKRETESSMARKERING");
        ((ObjectNode) order.path("recipient")).putObject("guardian").put("name", "Gustav Godman").put("phone", "070-1");
        ((ObjectNode) order.path("delivery")).put("target", "BUFFER_STORE");
        ((ObjectNode) order.path("delivery")).remove("address");

        goteborg.send(order);

        String hubReference = goteborg.receipt(messageId).path("hubReference").asText();
        goteborg.orderStatus(messageId, "DELIVERED");
        JsonNode received = supplierReceived(hubReference).path("order");
        assertThat(received.path("recipient").path("protectedIdentity").asBoolean()).isTrue();
        assertThat(received.toString()).doesNotContain("Tolvan", "Gustav", "070-1");
        assertThat(received.path("delivery").path("target").asText()).isEqualTo("BUFFER_STORE");
        assertThat(received.path("delivery").path("address").path("street").asText())
                .as("the unit's buffer store from the registry").isNotBlank();
    }

    @Test
    void answersAJmsClientOnTheCoreProtocolLikeAnAmqpOne() throws Exception {
        String messageId = TestOrders.newMessageId();
        var factory = new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(
                "tcp://127.0.0.1:" + BROKER_PORT);
        try (var connection = factory.createConnection(HubTest.kommunUser("1481"), HubTest.kommunPassword("1481"))) {
            var session = connection.createSession(false, jakarta.jms.Session.AUTO_ACKNOWLEDGE);
            var out = session.createConsumer(session.createQueue("nav.kommun.1481.out"),
                    "JMSCorrelationID = '" + messageId + "'");
            connection.start();
            ObjectNode order = TestOrders.validOrder(messageId);
            order.put("kommunCode", "1481");
            order.put("customerNumber", "KN-1481-001");
            order.put("payerNumber", "BN-1481-01");

            session.createProducer(session.createQueue("nav.kommun.1481.in"))
                    .send(session.createTextMessage(order.toString()));

            var receipt = (jakarta.jms.TextMessage) out.receive(30_000);
            assertThat(receipt).as("a receipt within 30 s").isNotNull();
            assertThat(receipt.getStringProperty("navEventType")).isEqualTo("RECEIPT");
            assertThat(JSON.readTree(receipt.getText()).path("status").asText()).isEqualTo("ACCEPTED");
        }
    }

    @Test
    void acceptsTheSameOrderInXml() throws Exception {
        String messageId = TestOrders.newMessageId();

        goteborg.send(TestOrders.validOrderXml(messageId));

        JsonNode receipt = goteborg.receipt(messageId);
        assertThat(receipt.path("status").asText()).as(receipt.toString()).isEqualTo("ACCEPTED");
        assertThat(goteborg.orderStatus(messageId, "DELIVERED").path("deviceIds")).hasSize(1);
    }

    @Test
    void answersADuplicateWithTheOriginalReceiptAndOrdersNothingMore() throws Exception {
        String messageId = TestOrders.newMessageId();
        goteborg.send(TestOrders.validOrder(messageId));
        JsonNode original = goteborg.receipt(messageId);
        goteborg.orderStatus(messageId, "DELIVERED");

        goteborg.send(TestOrders.validOrder(messageId));

        JsonNode again = goteborg.awaitMessage(messageId,
                m -> "RECEIPT".equals(m.path("type").asText()) && m.path("duplicate").asBoolean());
        assertThat(again.path("hubReference").asText()).isEqualTo(original.path("hubReference").asText());
        assertThat(again.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(supplierReceived(original.path("hubReference").asText()).path("receivedCount").asInt())
                .isEqualTo(1);
    }

    @Test
    void reportsAnOrderTheSupplierRefusesAsRejectedBySupplier() throws Exception {
        String messageId = TestOrders.newMessageId();
        ObjectNode order = TestOrders.validOrder(messageId);
        // The demo simulator no longer carries this article, while the hub's assortment still lists it.
        ((ObjectNode) order.path("lines").get(0)).put("articleNumber", "HMN-50002");

        goteborg.send(order);

        assertThat(goteborg.receipt(messageId).path("status").asText()).isEqualTo("ACCEPTED");
        JsonNode rejected = goteborg.orderStatus(messageId, "REJECTED_BY_SUPPLIER");
        assertThat(rejected.path("errors").get(0).path("code").asText()).isEqualTo("SUPPLIER_REJECTED");
        // The supplier's code in the hub's words: never the article number sent.
        assertThat(rejected.path("errors").get(0).path("message").asText()).startsWith("UNKNOWN_ARTICLE: ")
                .doesNotContain("HMN-50002");
    }

    static Stream<Arguments> invalidOrders() {
        return Stream.of(
                rejection("KOMMUN_MISMATCH", "kommunCode", o -> o.put("kommunCode", "1481")),
                rejection("CUSTOMER_NUMBER_UNKNOWN", "customerNumber", o -> o.put("customerNumber", "KN-1490-001")),
                rejection("PAYER_NUMBER_INVALID", "payerNumber", o -> o.put("payerNumber", "BN-1490-01")),
                rejection("PRIVATE_CONTRACTOR_NO_AGREEMENT", "orderer.privateContractorOrgNumber",
                        o -> ((ObjectNode) o.path("orderer")).put("privateContractorOrgNumber", "5599000022")),
                rejection("ORDERER_NOT_AUTHORISED", "lines[0].articleNumber",
                        o -> ((ObjectNode) o.path("orderer")).put("role", "LOGOPED")),
                rejection("ARTICLE_NOT_ORDERABLE", "lines[0].articleNumber",
                        o -> ((ObjectNode) o.path("lines").get(0)).put("articleNumber", "HMN-99999")),
                rejection("PERSONAL_ID_INVALID", "recipient.personalIdentityNumber",
                        o -> ((ObjectNode) o.path("recipient")).put("personalIdentityNumber", "19121212-1213")),
                rejection("RISK_ANALYSIS_MISSING", "riskAnalysisDone", o -> o.put("riskAnalysisDone", false)),
                rejection("CONSENT_MISSING", "consentObtained", o -> o.remove("consentObtained")),
                rejection("DELIVERY_NOT_ALLOWED", "delivery.target", o -> {
                    ((ObjectNode) o.path("recipient")).put("protection", "SKYDDAD_FOLKBOKFORING");
                    ((ObjectNode) o.path("delivery")).put("target", "RECIPIENT");
                }),
                rejection("SCHEMA_INVALID", "customerNumber", o -> o.remove("customerNumber")),
                rejection("SCHEMA_INVALID", "lines[0].quantity",
                        o -> ((ObjectNode) o.path("lines").get(0)).put("quantity", "two")),
                rejection("UNKNOWN_MESSAGE_TYPE", "type", o -> o.put("type", "INVOICE")));
    }

    static Arguments rejection(String code, String field, java.util.function.Consumer<ObjectNode> change) {
        UnaryOperator<ObjectNode> apply = o -> {
            change.accept(o);
            return o;
        };
        return Arguments.of(code, field, apply);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("invalidOrders")
    void rejectsAnOrderBreakingARuleWithItsCodeAndField(String code, String field, UnaryOperator<ObjectNode> change)
            throws Exception {
        String messageId = TestOrders.newMessageId();

        goteborg.send(change.apply(TestOrders.validOrder(messageId)));

        JsonNode receipt = goteborg.receipt(messageId);
        assertThat(receipt.path("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.path("errors")).as(receipt.toString())
                .anySatisfy(error -> {
                    assertThat(error.path("code").asText()).isEqualTo(code);
                    assertThat(error.path("field").asText()).isEqualTo(field);
                });
        assertThat(receipt.toString()).doesNotContain("19121212", "Tolvan");
        String hubReference = receipt.path("hubReference").asText();
        assertThat(trackedStatus(hubReference)).isEqualTo("REJECTED");
        assertThat(supplierOrders()).noneMatch(o -> o.path("orderId").asText().equals(hubReference));
    }

    @Test
    void reportsEveryBrokenRuleOfAnOrderAtOnce() throws Exception {
        String messageId = TestOrders.newMessageId();
        ObjectNode order = TestOrders.validOrder(messageId);
        order.put("payerNumber", "BN-1490-01");
        order.put("riskAnalysisDone", false);
        ((ObjectNode) order.path("lines").get(0)).put("articleNumber", "HMN-99999");

        goteborg.send(order);

        assertThat(goteborg.receipt(messageId).path("errors")).extracting(e -> e.path("code").asText())
                .contains("PAYER_NUMBER_INVALID", "RISK_ANALYSIS_MISSING", "ARTICLE_NOT_ORDERABLE");
    }

    @Test
    void rejectsOrdersFromAMunicipalityThatIsNotPartyToTheAgreement() throws Exception {
        String messageId = TestOrders.newMessageId();
        ObjectNode order = TestOrders.validOrder(messageId);
        order.put("kommunCode", "1446");
        order.put("customerNumber", "KN-1446-001");
        order.put("payerNumber", "BN-1446-01");

        try (var karlsborg = new KommunAmqpClient(BROKER_PORT, "1446")) {
            karlsborg.send(order);
            JsonNode receipt = karlsborg.receipt(messageId);
            assertThat(receipt.path("status").asText()).isEqualTo("REJECTED");
            assertThat(receipt.path("errors")).extracting(e -> e.path("code").asText()).contains("KOMMUN_NOT_PARTY");
        }
    }

    @Test
    void rejectsABodyThatIsNotJsonOnceUnderTheSendersCorrelationId() throws Exception {
        String messageId = TestOrders.newMessageId();

        goteborg.send("{\"type\":\"ORDER\",\"messageId\":\"" + messageId + "\", this is not json", messageId);

        JsonNode receipt = goteborg.receipt(messageId);
        assertThat(receipt.path("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.path("errors").get(0).path("code").asText()).isEqualTo("MALFORMED");
        assertThat(receipt.has("inReplyTo")).as("no messageId could be read").isFalse();
        assertThat(goteborg.receivedFor(messageId)).hasSize(1);
    }

    @Test
    void rejectsXmlWithADoctypeWithoutExpandingIt() throws Exception {
        String messageId = TestOrders.newMessageId();
        String xml = TestOrders.validOrderXml(messageId)
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                        "<?xml version=\"1.0\"?><!DOCTYPE order [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>")
                .replace("<customerNumber>KN-1480-001</customerNumber>", "<customerNumber>&x;</customerNumber>");

        goteborg.send(xml, messageId);

        JsonNode receipt = goteborg.receipt(messageId);
        assertThat(receipt.path("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.path("errors").get(0).path("code").asText()).isEqualTo("MALFORMED");
        assertThat(receipt.toString()).doesNotContain("root:");
    }

    @Test
    void rejectsABodyOverTheSizeLimitWithoutReadingIt() throws Exception {
        String messageId = TestOrders.newMessageId();
        ObjectNode order = TestOrders.validOrder(messageId);
        order.put("note", "x".repeat(300_000));

        goteborg.send(order.toString(), messageId);

        JsonNode receipt = goteborg.receipt(messageId);
        assertThat(receipt.path("errors").get(0).path("code").asText()).isEqualTo("MESSAGE_TOO_LARGE");
    }

    @Test
    void aMunicipalityClientNotWrittenInJavaOrdersOverAmqpAndHearsTheDelivery() throws Exception {
        // Borås (1490): a queue no other test reads, so the Node.js client is its only consumer.
        ObjectNode order = TestOrders.validOrder("replaced-by-the-client");
        order.put("kommunCode", "1490");
        order.put("customerNumber", "KN-1490-001");
        order.put("payerNumber", "BN-1490-01");
        Path file = Files.createTempFile(DATA_DIR, "order", ".json");
        Files.writeString(file, order.toString());

        List<JsonNode> answers = NodeKommunClient.send("1490", BROKER_PORT, file);
        assertThat(answers).anySatisfy(a -> {
            assertThat(a.path("type").asText()).isEqualTo("RECEIPT");
            assertThat(a.path("status").asText()).isEqualTo("ACCEPTED");
        });
        assertThat(answers).anySatisfy(a -> {
            assertThat(a.path("status").asText()).isEqualTo("DELIVERED");
            assertThat(a.path("deviceIds")).hasSize(2);
        });
    }

    @Test
    void countsMessagesPerMunicipalityTypeAndOutcomeInTheMetrics() throws Exception {
        String messageId = TestOrders.newMessageId();
        goteborg.send(TestOrders.validOrder(messageId).put("payerNumber", "BN-1490-01"));
        goteborg.receipt(messageId);

        String metrics = getAs("viewer", "viewer-dev", "/actuator/prometheus").body();

        assertThat(metrics).containsPattern(
                "nav_messages_total\\{[^}]*kommun=\"1480\"[^}]*outcome=\"REJECTED\"[^}]*type=\"ORDER\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern(
                "nav_message_errors_total\\{[^}]*code=\"PAYER_NUMBER_INVALID\"[^}]*kommun=\"1480\"[^}]*} [1-9]");
        assertThat(metrics).doesNotContain("19121212", "Tolvan");
    }

    private String trackedStatus(String hubReference) throws Exception {
        var response = getAs("viewer", "viewer-dev", "/api/admin/messages?hubReference=" + hubReference);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode found = JSON.readTree(response.body());
        assertThat(found).hasSize(1);
        return found.get(0).path("status").asText();
    }
}
