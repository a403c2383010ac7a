package se.hjalpmedelsnav.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import se.hjalpmedelsnav.hub.support.EmbeddedHubTest;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;
import se.hjalpmedelsnav.hub.support.TestOrders;
import se.hjalpmedelsnav.hub.loans.Loan;
import se.hjalpmedelsnav.hub.loans.LoanQuery;
import se.hjalpmedelsnav.hub.loans.LoanRegister;
import se.hjalpmedelsnav.hub.loans.LoanState;
import se.hjalpmedelsnav.hub.loans.UserPseudonym;
import se.hjalpmedelsnav.hub.tracking.TrackingStore;
import se.hjalpmedelsnav.simulator.SimulatedSupplier;

/**
 * BUFFER_WITHDRAWAL end to end over the supplier's API: checked, acknowledged, the hand-out registered with the
 * supplier on the user (delivered at once, nothing shipped) and the store refilled once, each order with its status
 * events on the municipality's queue; no refill where the registry turns auto-refill off (Partille's demo store).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BufferWithdrawalFlowTest extends EmbeddedHubTest {

    @Autowired
    SimulatedSupplier supplier;

    @Autowired
    TrackingStore tracking;

    @Autowired
    LoanRegister loans;

    @Autowired
    UserPseudonym pseudonym;

    KommunAmqpClient goteborg;
    KommunAmqpClient partille;

    @BeforeAll
    void connect() throws Exception {
        goteborg = new KommunAmqpClient(BROKER_PORT, "1480");
        partille = new KommunAmqpClient(BROKER_PORT, "1402");
    }

    @AfterAll
    void disconnect() throws Exception {
        goteborg.close();
        partille.close();
    }

    @Test
    void registersTheHandOutOnTheUserAndRefillsTheStoreOnce() throws Exception {
        String messageId = TestOrders.newMessageId();
        String deviceId = newDeviceId();
        String decision = "BESLUT-BW-" + UUID.randomUUID();

        goteborg.send(TestOrders.bufferWithdrawal(messageId, deviceId, decision));

        JsonNode receipt = goteborg.receipt(messageId);
        assertThat(receipt.path("status").asText()).as(receipt.toString()).isEqualTo("ACCEPTED");
        String registration = receipt.path("hubReference").asText();
        String refill = receipt.path("refillReference").asText();
        assertThat(refill).isNotBlank().isNotEqualTo(registration);

        // The registration: delivered at once with the device handed out, under the withdrawal's own reference.
        JsonNode handedOut = goteborg.orderStatus(messageId, "DELIVERED");
        assertThat(handedOut.path("hubReference").asText()).isEqualTo(registration);
        assertThat(handedOut.path("deviceIds")).extracting(JsonNode::asText).containsExactly(deviceId);
        assertThat(supplier.holderOf(deviceId).map("191212121212"::equals).orElse(false))
                .as("the device handed out is registered on the user it was handed to").isTrue();
        JsonNode registered = supplierReceived(registration);
        assertThat(registered.path("receivedCount").asInt()).isEqualTo(1);
        JsonNode registrationOrder = registered.path("order");
        assertThat(registrationOrder.path("handOutFromStock").asBoolean()).isTrue();
        assertThat(registrationOrder.path("deviceId").asText()).isEqualTo(deviceId);
        assertThat(registrationOrder.path("recipient").path("name").asText()).isEqualTo("Tolvan Tolvansson");
        assertThat(registrationOrder.path("lines")).hasSize(1);
        assertThat(registrationOrder.path("lines").get(0).path("quantity").asInt()).isEqualTo(1);

        // The refill: its own order, to the store, for no user, under the reference the receipt named.
        String refillMessageId = "refill/" + messageId;
        JsonNode refillConfirmed = goteborg.awaitMessage(refillMessageId,
                m -> "ORDER_STATUS".equals(m.path("type").asText()) && "CONFIRMED".equals(m.path("status").asText()));
        assertThat(refillConfirmed.path("hubReference").asText()).isEqualTo(refill);
        assertThat(refillConfirmed.path("inReplyTo").asText()).isEqualTo(refillMessageId);
        JsonNode refillDelivered = goteborg.awaitMessage(refillMessageId,
                m -> "DELIVERED".equals(m.path("status").asText()));
        assertThat(refillDelivered.path("deviceIds")).hasSize(1);
        assertThat(supplier.holderOf(refillDelivered.path("deviceIds").get(0).asText()))
                .as("a device for the shelf is registered on nobody").isEmpty();
        JsonNode refillOrder = supplierReceived(refill).path("order");
        assertThat(refillOrder.has("handOutFromStock")).isFalse();
        assertThat(refillOrder.has("recipient")).isFalse();
        assertThat(refillOrder.path("customer").path("customerNumber").asText()).isEqualTo("KN-1480-001");
        assertThat(refillOrder.path("payerNumber").asText()).isEqualTo("BN-1480-01");
        assertThat(refillOrder.path("delivery").path("target").asText()).isEqualTo("BUFFER_STORE");
        assertThat(refillOrder.path("delivery").path("address").path("street").asText()).isEqualTo("Förrådsvägen 80");
        assertThat(refillOrder.path("lines").get(0).path("articleNumber").asText()).isEqualTo("HMN-10001");
        assertThat(refillOrder.path("lines").get(0).path("quantity").asInt()).isEqualTo(1);

        // The loan register: the device handed out is lent on the user under the decision; the shelf's device is not.
        List<Loan> lent = loans.find(new LoanQuery("1480", null, null, decision, null));
        assertThat(lent).extracting(Loan::deviceId).containsExactly(deviceId);
        assertThat(lent.get(0).state()).isEqualTo(LoanState.LENT);
        assertThat(lent.get(0).articleNumber()).isEqualTo("HMN-10001");
        assertThat(lent.get(0).hubReference()).isEqualTo(registration);
        String user = pseudonym.of("191212121212", java.time.LocalDate.now()).orElseThrow();
        assertThat(loans.find(new LoanQuery("1480", null, user, null, deviceId))).hasSize(1);
        assertThat(loans.find(new LoanQuery("1480", null, null, null, refillDelivered.path("deviceIds").get(0).asText())))
                .as("a device delivered to the buffer store is lent to nobody").isEmpty();

        // Sent again: the original receipt, flagged, and still one order of each at the supplier.
        goteborg.send(TestOrders.bufferWithdrawal(messageId, deviceId, decision));
        JsonNode again = goteborg.awaitMessage(messageId, m -> m.path("duplicate").asBoolean());
        assertThat(again.path("refillReference").asText()).isEqualTo(refill);
        assertThat(ordersAtSupplierFor(decision)).containsExactlyInAnyOrder(registration, refill);
    }

    @Test
    void ordersNoRefillWhereTheRegistryTurnsAutoRefillOff() throws Exception {
        String messageId = TestOrders.newMessageId();
        String deviceId = newDeviceId();
        String decision = "BESLUT-BW-" + UUID.randomUUID();
        ObjectNode withdrawal = TestOrders.bufferWithdrawal(messageId, deviceId, decision);
        withdrawal.put("kommunCode", "1402").put("customerNumber", "KN-1402-001").put("payerNumber", "BN-1402-01");

        partille.send(withdrawal);

        JsonNode receipt = partille.receipt(messageId);
        assertThat(receipt.path("status").asText()).as(receipt.toString()).isEqualTo("ACCEPTED");
        assertThat(receipt.has("refillReference")).isFalse();
        JsonNode handedOut = partille.orderStatus(messageId, "DELIVERED");
        assertThat(handedOut.path("deviceIds")).extracting(JsonNode::asText).containsExactly(deviceId);
        // The refill would have been tracked in the receipt's own database transaction.
        assertThat(tracking.find("1402", "refill/" + messageId)).isEmpty();
        assertThat(ordersAtSupplierFor(decision)).containsExactly(receipt.path("hubReference").asText());
    }

    @Test
    void sendsOnlyTheNumberAndTheFlagOfAProtectedUser() throws Exception {
        String messageId = TestOrders.newMessageId();
        String deviceId = newDeviceId();
        ObjectNode withdrawal = TestOrders.bufferWithdrawal(messageId, deviceId, "BESLUT-BW-" + UUID.randomUUID());
        ((ObjectNode) withdrawal.path("recipient")).put("protection", "SKYDDAD_FOLKBOKFORING");

        goteborg.send(withdrawal);

        String registration = goteborg.receipt(messageId).path("hubReference").asText();
        goteborg.orderStatus(messageId, "DELIVERED");
        JsonNode recipient = supplierReceived(registration).path("order").path("recipient");
        assertThat(recipient.path("protectedIdentity").asBoolean()).isTrue();
        assertThat(recipient.has("name")).as("a protected user's name stays in the hub").isFalse();
        assertThat(supplier.holderOf(deviceId).map("191212121212"::equals).orElse(false)).isTrue();
    }

    @Test
    void refusesAWithdrawalFromAUnitWithoutABufferStoreNamingTheFieldOnly() throws Exception {
        String messageId = TestOrders.newMessageId();
        ObjectNode withdrawal = TestOrders.bufferWithdrawal(messageId, newDeviceId(), "BESLUT-BW-" + UUID.randomUUID());
        withdrawal.put("customerNumber", "KN-1480-002");

        goteborg.send(withdrawal);

        JsonNode receipt = goteborg.receipt(messageId);
        assertThat(receipt.path("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.path("errors")).hasSize(1);
        assertThat(receipt.path("errors").get(0).path("code").asText()).isEqualTo("DELIVERY_NOT_ALLOWED");
        assertThat(receipt.path("errors").get(0).path("field").asText()).isEqualTo("customerNumber");
        assertThat(receipt.path("errors").get(0).path("message").asText()).doesNotContain("KN-1480-002");
        assertThat(receipt.has("refillReference")).isFalse();
    }

    private static String newDeviceId() {
        return "IND-BW-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The orderIds of every order the supplier received with that decision reference. */
    private static List<String> ordersAtSupplierFor(String decisionReference) throws Exception {
        List<String> orderIds = new ArrayList<>();
        for (JsonNode order : supplierOrders()) {
            if (decisionReference.equals(order.path("order").path("decisionReference").asText())) {
                orderIds.add(order.path("orderId").asText());
            }
        }
        return orderIds;
    }
}
