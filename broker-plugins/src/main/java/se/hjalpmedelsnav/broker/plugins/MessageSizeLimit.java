package se.hjalpmedelsnav.broker.plugins;

import java.util.Map;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQExceptionType;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerPlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses, at the broker's door, a message larger than the broker should keep: Artemis itself caps only
 * an address's total, so one client could otherwise fill the journal with a single send. The sender's
 * {@code send} fails at once; nothing is stored. The hub's own answer to an oversized order is smaller
 * still ({@code nav.intake.max-bytes}: a REJECTED receipt), this is the backstop behind it.
 *
 * <p>In a standalone broker's {@code broker.xml} (docker/broker/): {@code <broker-plugin
 * class-name="…MessageSizeLimit">} with {@code <property key="max-bytes" value="10485760"/>}, from the
 * broker-plugins jar; a standalone broker takes only the whole {@link ActiveMQServerPlugin} there.
 */
public class MessageSizeLimit implements ActiveMQServerPlugin {

    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(MessageSizeLimit.class);

    private long maxBytes;

    /** For a broker.xml plugin entry: the limit comes from {@link #init}. */
    public MessageSizeLimit() {
        this(DEFAULT_MAX_BYTES);
    }

    public MessageSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void init(Map<String, String> properties) {
        String value = properties.get("max-bytes");
        if (value != null && !value.isBlank()) {
            maxBytes = Long.parseLong(value.trim());
        }
    }

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
            boolean noAutoCreateQueue) throws ActiveMQException {
        long size = message.getWholeMessageSize();
        if (size > maxBytes) {
            log.warn("Refused a message of {} bytes to {} from user {}: over the broker's limit of {} bytes", size,
                    message.getAddress(), session == null ? "?" : session.getUsername(), maxBytes);
            throw new ActiveMQException(ActiveMQExceptionType.ILLEGAL_STATE,
                    "Message of " + size + " bytes refused: the broker takes at most " + maxBytes + " bytes");
        }
    }
}
