package se.hjalpmedelsnav.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.broker.MessageProperties;
import se.hjalpmedelsnav.hub.support.EmbeddedHubTest;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;
import se.hjalpmedelsnav.hub.support.TestOrders;
import se.hjalpmedelsnav.hub.tracking.TrackedMessage;
import se.hjalpmedelsnav.hub.tracking.TrackingStatus;
import se.hjalpmedelsnav.hub.tracking.TrackingStore;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;
import se.hjalpmedelsnav.mappings.message.Receipt;

/**
 * The intake records a receipt in the database before its JMS transaction commits. These tests
 * stand where a hub died between the two, and where a second copy of an order reaches the delivery
 * stage: the order reaches the supplier, and only once.
 */
class HandOffRecoveryTest extends EmbeddedHubTest {

    @Autowired
    TrackingStore tracking;
    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;

    @Test
    void handsOnAnOrderWhoseReceiptWasRecordedByAHubThatDiedBeforeItsHandOff() throws Exception {
        String messageId = TestOrders.newMessageId();
        String hubReference = UUID.randomUUID().toString();
        // What the first attempt left behind: the receipt recorded, the transaction never committed.
        var receipt = Receipt.accepted(messageId, hubReference, OffsetDateTime.now());
        tracking.recordIfAbsent(new TrackedMessage(hubReference, "1480", messageId, "ORDER", "KN-1480-001",
                TrackingStatus.ACCEPTED, KommunMessageMappers.json().writeValueAsString(receipt), OffsetDateTime.now()));

        try (var goteborg = new KommunAmqpClient(BROKER_PORT, "1480")) {
            // The broker redelivers the message the dead hub never acknowledged.
            goteborg.send(TestOrders.validOrder(messageId));

            JsonNode answer = goteborg.receipt(messageId);
            assertThat(answer.path("hubReference").asText()).isEqualTo(hubReference);
            assertThat(answer.path("duplicate").asBoolean()).isTrue();
            assertThat(goteborg.orderStatus(messageId, "DELIVERED").path("hubReference").asText())
                    .isEqualTo(hubReference);
        }
        assertThat(supplierReceived(hubReference).path("receivedCount").asInt()).isEqualTo(1);
    }

    @Test
    void sendsNoSecondCopyOfAnOrderTheSupplierHasAlready() throws Exception {
        String messageId = TestOrders.newMessageId();
        String hubReference;
        String canonical = TestOrders.validOrder(messageId).toString();
        try (var goteborg = new KommunAmqpClient(BROKER_PORT, "1480")) {
            goteborg.send(canonical);
            hubReference = goteborg.receipt(messageId).path("hubReference").asText();
            goteborg.orderStatus(messageId, "DELIVERED");
        }
        NotifyBuilder copyHandled = new NotifyBuilder(camel).fromRoute("supplier-api-order-deliver").whenDone(1).create();

        producer.sendBodyAndHeaders("jms:queue:" + Queues.ORDER_TO_SUPPLIER, canonical,
                Map.of(MessageProperties.HUB_REFERENCE, hubReference, MessageProperties.KOMMUN_CODE, "1480",
                        MessageProperties.MESSAGE_ID, messageId, MessageProperties.MESSAGE_TYPE, "ORDER"));

        assertThat(copyHandled.matches(30, TimeUnit.SECONDS)).isTrue();
        assertThat(supplierReceived(hubReference).path("receivedCount").asInt()).isEqualTo(1);
    }
}
