package se.hjalpmedelsnav.hub.stage;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.apache.activemq.artemis.jms.client.ActiveMQMessage;
import org.apache.camel.Exchange;
import org.apache.camel.component.jms.JmsMessage;
import se.hjalpmedelsnav.broker.MessageProperties;
import se.hjalpmedelsnav.mappings.message.WellFormedText;

/**
 * The ids of the broker message a stage is reading. Kept as exchange properties, so nothing of the
 * sender's transport travels on.
 */
public final class TransportMessageId {

    /** The broker's own id: tells the broker's redelivery of a message from a municipality's resend. */
    public static final String BROKER_ID = "navBrokerMessageId";
    /** The id the sender knows its message by: the receipt's correlation when the body names no messageId. */
    public static final String SENDER_ID = "navSenderMessageId";

    /**
     * True for a message that came back from a dead-letter queue (the admin API's replay counts itself on
     * it, the console's retry keeps the stage that parked it): what it was parked for never went out.
     */
    public static final String REPLAYED = "navReplayed";

    /** Artemis' property holding the message-id of a message that came in over AMQP. */
    private static final String AMQP_MESSAGE_ID = "NATIVE_MESSAGE_ID";

    private TransportMessageId() {
    }

    /** Sets {@link #BROKER_ID}, {@link #SENDER_ID} and {@link #REPLAYED} from the JMS message being read. */
    public static void stamp(Exchange exchange) throws JMSException {
        JmsMessage in = exchange.getIn(JmsMessage.class);
        if (in == null || in.getJmsMessage() == null) {
            return;
        }
        exchange.setProperty(BROKER_ID, of(in.getJmsMessage()));
        exchange.setProperty(SENDER_ID, senderId(in.getJmsMessage()));
        exchange.setProperty(REPLAYED, in.getJmsMessage().propertyExists(MessageProperties.REPLAY_COUNT)
                || in.getJmsMessage().propertyExists(MessageProperties.FAILED_STAGE));
    }

    /**
     * The same on every delivery of the message, also after the broker reloaded it from its journal.
     * Not the JMS message id: for a message sent over AMQP with a non-UUID message-id (Qpid JMS, for one)
     * Artemis makes up a new JMS message id each time it converts the message for a CORE consumer, so a
     * redelivery after a crash looked like a resend and was answered as a duplicate.
     */
    public static String of(Message message) throws JMSException {
        if (message instanceof ActiveMQMessage artemis) {
            return "artemis:" + artemis.getCoreMessage().getMessageID();
        }
        return message.getJMSMessageID();
    }

    /**
     * For an AMQP sender its own message-id (not the one Artemis made up for CORE), else the JMS message id.
     * Not one with an unpaired surrogate: nothing the hub sends holds one (see {@code KommunMessageReader}).
     */
    public static String senderId(Message message) throws JMSException {
        String amqp = message.propertyExists(AMQP_MESSAGE_ID) ? message.getStringProperty(AMQP_MESSAGE_ID) : null;
        return amqp != null && !amqp.isBlank() && !WellFormedText.hasUnpairedSurrogate(amqp)
                ? amqp : message.getJMSMessageID();
    }
}
