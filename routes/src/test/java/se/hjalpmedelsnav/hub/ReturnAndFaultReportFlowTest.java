package se.hjalpmedelsnav.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.hjalpmedelsnav.hub.support.EmbeddedHubTest;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;
import se.hjalpmedelsnav.hub.support.TestOrders;

/**
 * Returns (hämtorder) and fault reports (arbetsorder) end to end: enforced, acknowledged, delivered
 * once to the supplier's API, and its status events back on the municipality's queue.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReturnAndFaultReportFlowTest extends EmbeddedHubTest {

    KommunAmqpClient alingsas;

    @BeforeAll
    void connect() throws Exception {
        alingsas = new KommunAmqpClient(BROKER_PORT, "1489");
    }

    @AfterAll
    void disconnect() throws Exception {
        alingsas.close();
    }

    private static ObjectNode base(String type, String messageId) {
        return TestOrders.alingsasMessage(type, messageId);
    }

    private static ObjectNode returnOf(String messageId, String reason, String... deviceIds) {
        ObjectNode message = base("RETURN", messageId);
        var ids = message.putArray("deviceIds");
        for (String id : deviceIds) {
            ids.add(id);
        }
        message.put("reason", reason);
        ObjectNode pickup = message.putObject("pickup");
        pickup.putObject("address").put("street", "Hemgatan 3").put("postalCode", "441 30").put("city", "Alingsås");
        pickup.putObject("contact").put("name", "Tolvan Tolvansson").put("phone", "0322-123 45");
        return message;
    }

    private static ObjectNode faultReport(String messageId, String articleNumber, boolean injuryOrRisk) {
        return TestOrders.alingsasFaultReport(messageId, articleNumber, injuryOrRisk);
    }

    @Test
    void acceptsAReturnAndReportsThePickupRegisteredAndDone() throws Exception {
        String messageId = TestOrders.newMessageId();

        alingsas.send(returnOf(messageId, "NEED_ENDED", "IND-11111111", "IND-22222222"));

        JsonNode receipt = alingsas.receipt(messageId);
        assertThat(receipt.path("status").asText()).as(receipt.toString()).isEqualTo("ACCEPTED");
        String hubReference = receipt.path("hubReference").asText();
        assertThat(alingsas.awaitMessage(messageId, m -> "RETURN_STATUS".equals(m.path("type").asText())
                && "RECEIVED".equals(m.path("status").asText())).path("hubReference").asText()).isEqualTo(hubReference);
        alingsas.awaitMessage(messageId, m -> "PICKED_UP".equals(m.path("status").asText()));

        JsonNode atSupplier = supplierRequest("returns", hubReference);
        assertThat(atSupplier.path("receivedCount").asInt()).isEqualTo(1);
        assertThat(atSupplier.path("body").path("deviceIds")).extracting(JsonNode::asText)
                .containsExactly("IND-11111111", "IND-22222222");
    }

    @Test
    void reportsALostDeviceAsLostWithoutAPickup() throws Exception {
        String messageId = TestOrders.newMessageId();
        ObjectNode lost = returnOf(messageId, "LOST", "IND-33333333");
        lost.remove("pickup");

        alingsas.send(lost);

        assertThat(alingsas.receipt(messageId).path("status").asText()).isEqualTo("ACCEPTED");
        alingsas.awaitMessage(messageId, m -> "LOST_REGISTERED".equals(m.path("status").asText()));
        JsonNode atSupplier = supplierRequest("returns", alingsas.receipt(messageId).path("hubReference").asText());
        assertThat(atSupplier.path("body").path("lost").asBoolean()).isTrue();
        assertThat(atSupplier.path("body").has("pickup")).isFalse();
    }

    @Test
    void rejectsAReturnWithoutPickupUnlessTheDeviceIsLost() throws Exception {
        String messageId = TestOrders.newMessageId();
        ObjectNode message = returnOf(messageId, "NEED_ENDED", "IND-44444444");
        message.remove("pickup");

        alingsas.send(message);

        JsonNode receipt = alingsas.receipt(messageId);
        assertThat(receipt.path("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.path("errors").get(0).path("field").asText()).isEqualTo("pickup");
    }

    @Test
    void reportsAReturnOfADeviceTheSupplierDoesNotKnowAsRejectedBySupplier() throws Exception {
        String messageId = TestOrders.newMessageId();

        alingsas.send(returnOf(messageId, "NEED_ENDED", "IND-00000000"));

        assertThat(alingsas.receipt(messageId).path("status").asText()).isEqualTo("ACCEPTED");
        JsonNode rejected = alingsas.awaitMessage(messageId,
                m -> "RETURN_STATUS".equals(m.path("type").asText())
                        && "REJECTED_BY_SUPPLIER".equals(m.path("status").asText()));
        assertThat(rejected.path("errors").get(0).path("code").asText()).isEqualTo("SUPPLIER_REJECTED");
    }

    @Test
    void acceptsAFaultReportWithAnInjuryOnAMedicalDeviceAndRemindsThatAnIncidentReportIsDue() throws Exception {
        String messageId = TestOrders.newMessageId();

        alingsas.send(faultReport(messageId, "HMN-30002", true));

        JsonNode receipt = alingsas.receipt(messageId);
        assertThat(receipt.path("status").asText()).as(receipt.toString()).isEqualTo("ACCEPTED");
        assertThat(receipt.path("notices").get(0).asText()).contains("Läkemedelsverket", "INCIDENT_REPORT");
        alingsas.awaitMessage(messageId, m -> "FAULT_REPORT_STATUS".equals(m.path("type").asText())
                && "RESOLVED".equals(m.path("status").asText()));
        JsonNode atSupplier = supplierRequest("fault-reports", receipt.path("hubReference").asText());
        assertThat(atSupplier.path("receivedCount").asInt()).isEqualTo(1);
        assertThat(atSupplier.path("body").path("injuryOrRisk").asBoolean()).isTrue();
    }

    @Test
    void givesNoIncidentReminderForADeviceThatIsNotAMedicalDevice() throws Exception {
        String messageId = TestOrders.newMessageId();

        alingsas.send(faultReport(messageId, "HMN-10003", true));

        JsonNode receipt = alingsas.receipt(messageId);
        assertThat(receipt.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(receipt.has("notices")).isFalse();
    }

    private static JsonNode supplierRequest(String kind, String hubReference) throws Exception {
        var response = get("/simulator/admin/" + kind + "/" + hubReference);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
