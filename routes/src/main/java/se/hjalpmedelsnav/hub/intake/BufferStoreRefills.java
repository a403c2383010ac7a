package se.hjalpmedelsnav.hub.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.broker.MessageProperties;
import se.hjalpmedelsnav.hub.tracking.TrackedMessage;
import se.hjalpmedelsnav.hub.tracking.TrackingStatus;
import se.hjalpmedelsnav.mappings.buffer.BufferStoreOrders;
import se.hjalpmedelsnav.mappings.buffer.BufferWithdrawalMessage;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.message.Receipt;
import se.hjalpmedelsnav.mappings.registry.RegistrySource;

/**
 * A buffer withdrawal's second order, the refill of its store ({@link BufferStoreOrders}): decided when the receipt
 * is issued (the registry's autoRefill then), named in the receipt, tracked with the withdrawal in one database
 * transaction, and handed on beside the registration in the intake's JMS transaction. A redelivery or a forward
 * again reads the decision from the original receipt, never from the registry again, and derives the same order
 * under the same hub reference and broker duplicate id.
 */
@Component
public class BufferStoreRefills {

    /** The exchange property holding the {@link Intake} while the intake's forward step sends its orders. */
    public static final String INTAKE = "navIntake";

    private final RegistrySource registry;

    public BufferStoreRefills(RegistrySource registry) {
        this.registry = registry;
    }

    /** The receipt of an accepted withdrawal whose store refills names its refill; any other receipt stays as it is. */
    public Receipt withRefill(Intake intake, Receipt receipt) {
        if (receipt.isAccepted() && intake.message() instanceof BufferWithdrawalMessage withdrawal
                && BufferStoreOrders.refills(withdrawal, registry.current())) {
            return receipt.withRefillReference(BufferStoreOrders.refillReference(intake.hubReference()));
        }
        return receipt;
    }

    /** The refill's tracking row, for the receipt that names one: how its supplier events find the municipality. */
    public List<TrackedMessage> tracked(Intake intake, Receipt receipt, String receiptJson) {
        if (receipt.refillReference() == null || !(intake.message() instanceof BufferWithdrawalMessage withdrawal)) {
            return List.of();
        }
        return List.of(new TrackedMessage(receipt.refillReference(), intake.queueKommunCode(),
                BufferStoreOrders.refillMessageId(withdrawal.messageId()), MessageType.ORDER.name(),
                withdrawal.customerNumber(), TrackingStatus.ACCEPTED, receiptJson, intake.receivedAt()));
    }

    /** Whether the intake in {@link #INTAKE} has a refill to hand on. */
    public static boolean toForward(Exchange exchange) {
        Intake intake = exchange.getProperty(INTAKE, Intake.class);
        return intake.receipt().refillReference() != null && intake.message() instanceof BufferWithdrawalMessage;
    }

    /** The refill, as the order it is, with the head the delivery stage reads. */
    public static void toSupplier(Exchange exchange) throws JsonProcessingException {
        Intake intake = exchange.getProperty(INTAKE, Intake.class);
        BufferWithdrawalMessage withdrawal = (BufferWithdrawalMessage) intake.message();
        String reference = intake.receipt().refillReference();
        Message message = exchange.getMessage();
        message.setHeader(MessageProperties.MESSAGE_ID, BufferStoreOrders.refillMessageId(withdrawal.messageId()));
        message.setHeader(MessageProperties.HUB_REFERENCE, reference);
        message.setHeader(MessageProperties.MESSAGE_TYPE, MessageType.ORDER);
        // The refill names no user.
        message.setHeader(MessageProperties.PROTECTED, false);
        if (intake.duplicate()) {
            message.removeHeader(MessageProperties.BROKER_DUPLICATE_ID);
        } else {
            message.setHeader(MessageProperties.BROKER_DUPLICATE_ID, reference);
        }
        message.setBody(KommunMessageMappers.json().writeValueAsString(BufferStoreOrders.refill(withdrawal)));
    }
}
