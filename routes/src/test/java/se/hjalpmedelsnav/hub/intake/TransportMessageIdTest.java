package se.hjalpmedelsnav.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.hub.stage.TransportMessageId;

/**
 * The intake tells the broker's redelivery of a message from a municipality's resend by the id the
 * hub reads it under. A hub that dies takes its embedded broker with it, so that id must be the same
 * when the message comes back from the journal after a restart, whichever protocol the municipality
 * sent it with.
 */
class TransportMessageIdTest {

    @TempDir
    Path data;

    @Test
    void isTheSameWhenTheBrokerHandsAnAmqpMessageAgainAfterARestart() throws Exception {
        int port = HubTest.freePort();
        sendAndReadTwiceAcrossARestart(port, new JmsConnectionFactory("amqp://127.0.0.1:" + port));
    }

    @Test
    void isTheSameWhenTheBrokerHandsACoreMessageAgainAfterARestart() throws Exception {
        int port = HubTest.freePort();
        sendAndReadTwiceAcrossARestart(port, new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port));
    }

    private void sendAndReadTwiceAcrossARestart(int port, ConnectionFactory municipality) throws Exception {
        EmbeddedActiveMQ broker = start(port);
        String sentAs;
        try (Connection sender = municipality.createConnection()) {
            Session session = sender.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Message message = session.createTextMessage("{}");
            session.createProducer(session.createQueue("nav.kommun.1480.in")).send(message);
            sentAs = message.getJMSMessageID();
        }
        Message first = readAndRollBack(port);
        assertThat(TransportMessageId.senderId(first))
                .as("the id the sender knows its message by, for a receipt to a body without a messageId")
                .isEqualTo(sentAs);
        broker.stop();

        broker = start(port);
        try {
            Message again = readAndRollBack(port);
            assertThat(again.getJMSRedelivered()).as("handed again, not a new message").isTrue();
            assertThat(TransportMessageId.of(again)).isNotBlank().isEqualTo(TransportMessageId.of(first));
            assertThat(TransportMessageId.senderId(again)).isEqualTo(sentAs);
        } finally {
            broker.stop();
        }
    }

    /** Reads the message the way the hub's intake does (a transacted CORE session) and lets it go back. */
    private static Message readAndRollBack(int port) throws Exception {
        try (Connection hub = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port).createConnection()) {
            hub.start();
            Session session = hub.createSession(true, Session.SESSION_TRANSACTED);
            Message message = session.createConsumer(session.createQueue("nav.kommun.1480.in")).receive(10_000);
            assertThat(message).as("the message on the municipality's queue").isNotNull();
            session.rollback();
            return message;
        }
    }

    private EmbeddedActiveMQ start(int port) throws Exception {
        var config = new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setLargeMessagesDirectory(data.resolve("large-messages").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .addAcceptorConfiguration("clients", "tcp://127.0.0.1:" + port + "?protocols=CORE,AMQP");
        var broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
        return broker;
    }
}
