package se.hjalpmedelsnav.broker.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The size limit in a real (in-VM) broker, configured as broker.xml configures it: by its max-bytes property. */
class MessageSizeLimitTest {

    private static final String QUEUE = "nav.kommun.1480.in";

    private EmbeddedActiveMQ broker;
    private ServerLocator locator;
    private ClientSessionFactory factory;
    private ClientSession session;

    @BeforeEach
    void brokerWithALimitOf4KiB() throws Exception {
        var limit = new MessageSizeLimit();
        limit.init(Map.of("max-bytes", "4096"));
        var configuration = new ConfigurationImpl().setPersistenceEnabled(false).setSecurityEnabled(false)
                .setJMXManagementEnabled(false).addAcceptorConfiguration("in-vm", "vm://0");
        configuration.registerBrokerPlugin(limit);
        broker = new EmbeddedActiveMQ().setConfiguration(configuration).start();
        locator = ActiveMQClient.createServerLocator("vm://0");
        factory = locator.createSessionFactory();
        session = factory.createSession();
        session.createQueue(QueueConfiguration.of(QUEUE).setRoutingType(RoutingType.ANYCAST).setDurable(false));
        session.start();
    }

    @AfterEach
    void stop() throws Exception {
        session.close();
        factory.close();
        locator.close();
        broker.stop();
    }

    @Test
    void refusesAMessageOverTheLimitAtTheSendersSendAndStoresNothing() throws Exception {
        try (ClientProducer producer = session.createProducer(QUEUE)) {
            assertThatThrownBy(() -> producer.send(message(8 * 1024)))
                    .isInstanceOf(ActiveMQException.class)
                    .hasMessageContaining("the broker takes at most 4096 bytes");
        }
        assertThat(broker.getActiveMQServer().locateQueue(QUEUE).getMessageCount()).isZero();
    }

    @Test
    void takesAMessageUnderTheLimitAndTheQueueGoesOnAfterARefusal() throws Exception {
        try (ClientProducer producer = session.createProducer(QUEUE);
                ClientConsumer consumer = session.createConsumer(QUEUE)) {
            assertThatThrownBy(() -> producer.send(message(8 * 1024))).isInstanceOf(ActiveMQException.class);
            producer.send(message(1024));

            ClientMessage received = consumer.receive(5_000);
            assertThat(received).isNotNull();
            assertThat(received.getBodySize()).isEqualTo(1024);
        }
    }

    /** A durable message: the client waits for the broker's answer to its send (no large-message streaming below 100 KiB). */
    private ClientMessage message(int bodyBytes) {
        ClientMessage message = session.createMessage(true);
        message.getBodyBuffer().writeBytes(new byte[bodyBytes]);
        return message;
    }
}
