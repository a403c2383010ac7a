package se.hjalpmedelsnav.broker.plugins;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQExceptionType;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerPlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.apache.activemq.artemis.protocol.amqp.broker.AMQPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses, at the broker's door, an AMQP message whose body the broker cannot read. Artemis decodes an
 * AMQP body only when it hands the message on; one it cannot decode (proton-j writes such a frame for a
 * string with a lone UTF-16 surrogate) can never be delivered to the hub, and every message behind it
 * on that municipality's queue would wait forever. Refused here, the sender's {@code send} fails at
 * once and the queue stays open. Large messages are streamed to disk and not checked here.
 *
 * <p>It implements the whole {@link ActiveMQServerPlugin} (every other callback is the interface's no-op)
 * because a standalone broker's {@code <broker-plugins>} accepts only that type; the standalone broker loads
 * it from {@code broker-plugins-<version>.jar}, so it may use nothing but Artemis and SLF4J.
 */
public class UnreadableAmqpMessageGuard implements ActiveMQServerPlugin {

    private static final Logger log = LoggerFactory.getLogger(UnreadableAmqpMessageGuard.class);

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
            boolean noAutoCreateQueue) throws ActiveMQException {
        if (!(message instanceof AMQPMessage amqp) || amqp.isLargeMessage()) {
            return;
        }
        try {
            if (amqp.getBody() == null) {
                amqp.toCore(); // no body section at all, or one AMQPMessage could not read: converting tells which
            }
        } catch (RuntimeException unreadable) {
            // Only an ActiveMQException refuses the send; Artemis logs and ignores anything else a plugin throws.
            log.warn("Refused an AMQP message to {} from user {}: the broker cannot read its body",
                    message.getAddress(), session == null ? "?" : session.getUsername());
            throw new ActiveMQException(ActiveMQExceptionType.ILLEGAL_STATE,
                    "The broker cannot read this AMQP message's body (is every string valid UTF-16/UTF-8?)");
        }
    }
}
