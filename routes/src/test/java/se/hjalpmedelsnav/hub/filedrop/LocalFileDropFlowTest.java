package se.hjalpmedelsnav.hub.filedrop;

import se.hjalpmedelsnav.mappings.peppol.PeppolOrderWriter;
import se.hjalpmedelsnav.mappings.peppol.PeppolRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.UUID;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.hub.support.TestOrders;

/** The file drop on a local folder, as the embedded default runs it. */
// Its own hub, closed after the class: a cached one would keep a second broker and its pollers busy.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = se.hjalpmedelsnav.hub.HubApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class LocalFileDropFlowTest extends FileDropFlowContract {

    static final int HTTP_PORT = HubTest.freePort();
    static final int BROKER_PORT = HubTest.freePort();
    static final Path DATA_DIR = HubTest.newDataDir();

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HubTest.embeddedHub(registry, HTTP_PORT, BROKER_PORT, DATA_DIR);
        fileDropHub(registry, DATA_DIR);
        // Another in-VM acceptor than the shared embedded hub's vm://0, in case both run in one JVM.
        registry.add("nav.broker.url", () -> "vm://21");
        registry.add("nav.filedrop.mode", () -> "LOCAL");
        registry.add("nav.filedrop.directory", () -> DATA_DIR.resolve("filedrop").toString());
    }

    @Override
    int brokerPort() {
        return BROKER_PORT;
    }

    @Override
    int httpPort() {
        return HTTP_PORT;
    }

    @Override
    Path dropRoot() {
        return DATA_DIR.resolve("filedrop");
    }

    @Test
    void reportsTheSuppliersOrderResponseRejectionAsRejectedBySupplierWithItsReason() throws Exception {
        String messageId = TestOrders.newMessageId();
        ObjectNode order = TestOrders.validOrder(messageId);
        ((ObjectNode) order.path("lines").get(0)).put("articleNumber", "HMN-50002");

        goteborg.send(order);

        assertThat(goteborg.receipt(messageId).path("status").asText()).isEqualTo("ACCEPTED");
        JsonNode rejected = goteborg.orderStatus(messageId, "REJECTED_BY_SUPPLIER");
        assertThat(rejected.path("errors").get(0).path("code").asText()).isEqualTo("SUPPLIER_REJECTED");
        // The supplier's code in the hub's words: never the article number sent.
        assertThat(rejected.path("errors").get(0).path("message").asText()).startsWith("UNKNOWN_ARTICLE: ")
                .doesNotContain("HMN-50002");
        String hubReference = rejected.path("hubReference").asText();
        assertThat(PeppolRules.findings(takenBySupplier("order-" + hubReference + ".xml"), PeppolRules.ORDER)).isEmpty();
    }

    @Test
    void writesNoNameOrPhoneOfAProtectedUsersCaseIntoThePeppolOrder() throws Exception {
        String messageId = TestOrders.newMessageId();
        ObjectNode order = TestOrders.validOrder(messageId);
        ((ObjectNode) order.path("recipient")).put("protection", "SKYDDAD_FOLKBOKFORING");

        goteborg.send(order);

        String hubReference = goteborg.receipt(messageId).path("hubReference").asText();
        goteborg.orderStatus(messageId, "CONFIRMED");
        String written = takenBySupplier("order-" + hubReference + ".xml");
        assertThat(PeppolRules.findings(written, PeppolRules.ORDER)).isEmpty();
        assertThat(written).contains("<cbc:Name>" + PeppolOrderWriter.END_USER_PROTECTED + "</cbc:Name>")
                .doesNotContain("Tolvan", "031-123 45 67");
        // Only what the supplier needs: the number in its 12-digit form (on each line), never the dashed form.
        assertThat(written.contains("19121212-1212")).as("the dashed form of the user's number is in the file").isFalse();
    }

    @Test
    void reportsAReturnOfADeviceTheSupplierDoesNotKnowAsRejectedBySupplier() throws Exception {
        String messageId = TestOrders.newMessageId();

        alingsas.send(returnOf(messageId, "IND-00000000"));

        JsonNode rejected = alingsas.awaitMessage(messageId, m -> "RETURN_STATUS".equals(m.path("type").asText())
                && "REJECTED_BY_SUPPLIER".equals(m.path("status").asText()));
        assertThat(rejected.path("errors").get(0).path("code").asText()).isEqualTo("SUPPLIER_REJECTED");
        assertThat(rejected.path("errors").get(0).path("message").asText()).contains("UNKNOWN_DEVICE")
                .doesNotContain("IND-00000000");
    }

    @Test
    void movesAMalformedStatusFileToTheErrorFolderWithItsReasonBeside() {
        String secret = "19121212-1212";
        dropStatusFile("broken-status.xml", """
                <returnStatus xmlns="urn:hjalpmedelsnav:supplier-filedrop:1">
                  <returnId>%s</returnId>
                  <occurredAt>2026-11-23T10:15:00+01:00</occurredAt>
                </returnStatus>""".formatted(secret));

        Path error = dropRoot().resolve("error");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(error.resolve("broken-status.xml.reason.txt"))
                && Files.exists(error.resolve("broken-status.xml")));
        assertThat(error.resolve("broken-status.xml.reason.txt")).content()
                .contains("line 2").doesNotContain(secret);
        assertThat(error.resolve("broken-status.xml")).content().contains(secret);
        assertThat(folder("inbox")).doesNotContain("broken-status.xml");
    }

    @Test
    void parksAStatusFileForAMessageTheHubNeverSent() throws Exception {
        String unknown = UUID.randomUUID().toString();

        dropStatusFile("return-status-unknown.xml", """
                <returnStatus xmlns="urn:hjalpmedelsnav:supplier-filedrop:1">
                  <returnId>%s</returnId>
                  <status>RECEIVED</status>
                  <occurredAt>2026-11-23T10:15:00+01:00</occurredAt>
                </returnStatus>""".formatted(unknown));

        Message parked = await().atMost(Duration.ofSeconds(30)).until(() -> parkedEventFor(unknown), m -> m != null);
        assertThat(parked.getStringProperty("navFailureReason")).contains(unknown);
        await().atMost(Duration.ofSeconds(30)).until(() -> folder("processed").contains("return-status-unknown.xml"));
    }

    private static Message parkedEventFor(String reference) throws Exception {
        try (Connection connection = new JmsConnectionFactory("amqp://127.0.0.1:" + BROKER_PORT)
                .createConnection(HubTest.BROKER_ADMIN_USER, HubTest.BROKER_ADMIN_PASSWORD)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var browser = session.createBrowser(session.createQueue(Queues.DLQ_SUPPLIER_EVENTS));
            connection.start();
            for (Object candidate : Collections.list(browser.getEnumeration())) {
                Message message = (Message) candidate;
                JsonNode body = JSON.readTree(message.getBody(String.class));
                if (reference.equals(body.path("returnId").asText())) {
                    return message;
                }
            }
            return null;
        }
    }
}
