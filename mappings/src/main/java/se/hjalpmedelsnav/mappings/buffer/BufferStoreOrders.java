package se.hjalpmedelsnav.mappings.buffer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.order.Delivery;
import se.hjalpmedelsnav.mappings.order.DeliveryTarget;
import se.hjalpmedelsnav.mappings.order.OrderLine;
import se.hjalpmedelsnav.mappings.order.OrderMessage;
import se.hjalpmedelsnav.mappings.registry.BufferStore;
import se.hjalpmedelsnav.mappings.registry.CustomerNumber;
import se.hjalpmedelsnav.mappings.registry.Registry;

/**
 * The two orders to the supplier an accepted BUFFER_WITHDRAWAL makes, both plain orders of the article once to the
 * unit's buffer store on the withdrawal's customer and payer numbers and decision:
 * <ul>
 *   <li>the <b>registration</b> of the hand-out: it names the user, and goes out flagged as a hand-out from stock with
 *   the device id (nothing is shipped; the supplier registers that device on the user). Its hub reference is the
 *   withdrawal's own;</li>
 *   <li>the <b>refill</b>: a replacement for the store, naming no user, under {@link #refillReference}, tracked under
 *   the messageId {@link #refillMessageId}. None when the registry turns auto-refill off for the store.</li>
 * </ul>
 * Both are derived from the withdrawal alone, so a redelivered or replayed withdrawal derives the very same orders
 * under the very same references, and the supplier's idempotency (key, file name) keeps each to one.
 */
public final class BufferStoreOrders {

    private static final String REFILL = "refill/";

    private BufferStoreOrders() {
    }

    /** The refill's hub reference: a name-based UUID of the withdrawal's, the same however often it is derived. */
    public static String refillReference(String withdrawalHubReference) {
        return UUID.nameUUIDFromBytes((REFILL + withdrawalHubReference).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The refill's messageId in the tracking store, its events' inReplyTo: no municipality's messageId has a '/'. */
    public static String refillMessageId(String withdrawalMessageId) {
        return REFILL + withdrawalMessageId;
    }

    /** Whether a tracked messageId is a refill's: a device delivered on it goes on the shelf, lent to nobody. */
    public static boolean isRefill(String messageId) {
        return messageId != null && messageId.startsWith(REFILL);
    }

    /** Whether the withdrawal's store is refilled: it has a buffer store in the registry whose autoRefill is not off. */
    public static boolean refills(BufferWithdrawalMessage withdrawal, Registry registry) {
        return bufferStore(withdrawal, registry).map(BufferStore::refillsAutomatically).orElse(false);
    }

    /** The registration of the hand-out as an order: the user's, of the article once, at the buffer store. */
    public static OrderMessage registration(BufferWithdrawalMessage withdrawal) {
        return order(withdrawal, withdrawal.messageId(), true);
    }

    /** The store's refill: the article once, to the buffer store, for no user. */
    public static OrderMessage refill(BufferWithdrawalMessage withdrawal) {
        return order(withdrawal, refillMessageId(withdrawal.messageId()), false);
    }

    private static OrderMessage order(BufferWithdrawalMessage withdrawal, String messageId, boolean forTheUser) {
        return new OrderMessage(MessageType.ORDER, messageId, withdrawal.kommunCode(), withdrawal.sentAt(),
                withdrawal.orderer(), withdrawal.customerNumber(), withdrawal.payerNumber(), withdrawal.decision(),
                forTheUser ? withdrawal.recipient() : null,
                // The store's address comes from the registry; no contact: a protected user's case must not be traced.
                new Delivery(DeliveryTarget.BUFFER_STORE, null, null),
                withdrawal.riskAnalysisDone(), withdrawal.consentObtained(),
                List.of(new OrderLine(withdrawal.articleNumber(), 1)), null);
    }

    /**
     * What a canonical message on the order queue asks of the supplier: an ORDER as it is, or a BUFFER_WITHDRAWAL's
     * registration with the device handed out. (The refill travels as the ORDER {@link #refill} makes.)
     */
    public static OrderToSupplier readOrderQueueBody(String canonical) {
        JsonNode tree = KommunMessageMappers.readTrusted(canonical, JsonNode.class);
        try {
            if (MessageType.BUFFER_WITHDRAWAL.name().equals(tree.path("type").asText())) {
                BufferWithdrawalMessage withdrawal =
                        KommunMessageMappers.json().treeToValue(tree, BufferWithdrawalMessage.class);
                return new OrderToSupplier(registration(withdrawal), withdrawal.deviceId());
            }
            return new OrderToSupplier(KommunMessageMappers.json().treeToValue(tree, OrderMessage.class), null);
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the body.
            throw new KommunMessageMappers.UnreadableMessageException("the order could not be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * An order for the supplier.
     *
     * @param handedOutDeviceId the device a buffer withdrawal handed out, whose registration this is; null for an order
     *                          to ship
     */
    public record OrderToSupplier(OrderMessage order, String handedOutDeviceId) {

        public boolean isHandOut() {
            return handedOutDeviceId != null;
        }
    }

    private static Optional<BufferStore> bufferStore(BufferWithdrawalMessage withdrawal, Registry registry) {
        return registry.customerNumber(withdrawal.kommunCode(), withdrawal.customerNumber())
                .map(CustomerNumber::bufferStore);
    }
}
