package se.hjalpmedelsnav.hub.broker;

import java.nio.file.Path;
import java.util.List;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process Artemis broker of the embedded default: persistent journal, one acceptor for CORE
 * and AMQP 1.0 clients, and the hub's address settings. Production runs a standalone broker with
 * the same settings in its broker.xml.
 */
public class EmbeddedBroker {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final BrokerProperties properties;
    private final EmbeddedActiveMQ embedded = new EmbeddedActiveMQ();

    public EmbeddedBroker(BrokerProperties properties) {
        this.properties = properties;
    }

    public void start() throws Exception {
        embedded.setConfiguration(configuration());
        embedded.start();
        for (String queue : List.of(Queues.ORDER_TO_SUPPLIER, Queues.RETURN_TO_SUPPLIER,
                Queues.FAULT_REPORT_TO_SUPPLIER, Queues.SUPPLIER_EVENTS, Queues.DLQ_KOMMUN_INTAKE,
                Queues.DLQ_ORDER_TO_SUPPLIER, Queues.DLQ_RETURN_TO_SUPPLIER, Queues.DLQ_FAULT_REPORT_TO_SUPPLIER,
                Queues.DLQ_SUPPLIER_EVENTS, Queues.DLQ_BROKER, Queues.EXPIRED)) {
            ensureQueue(queue);
        }
        log.info("Embedded Artemis broker started, CORE and AMQP 1.0 on {}:{}, journal in {}", properties.host(),
                properties.port(), Path.of(properties.dataDir()).toAbsolutePath().normalize());
    }

    public void stop() throws Exception {
        embedded.stop();
        log.info("Embedded Artemis broker stopped");
    }

    public ActiveMQServer server() {
        return embedded.getActiveMQServer();
    }

    /** Creates a durable anycast queue of the same name as its address, unless it exists. */
    public void ensureQueue(String name) throws Exception {
        server().createQueue(QueueConfiguration.of(name)
                .setAddress(name)
                .setRoutingType(RoutingType.ANYCAST)
                .setDurable(true)
                .setAutoCreateAddress(true), true);
    }

    public long messageCount(String queue) {
        var binding = server().getPostOffice().getBinding(SimpleString.of(queue));
        return binding == null ? 0 : ((org.apache.activemq.artemis.core.postoffice.QueueBinding) binding).getQueue()
                .getMessageCount();
    }

    private Configuration configuration() throws Exception {
        Path dir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
        Configuration config = new ConfigurationImpl()
                .setName("hjalpmedelsnav-embedded")
                .setPersistenceEnabled(true)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setJMXManagementEnabled(true)
                // Broker users and address rules per municipality come with the security work; the embedded
                // default only listens on the loopback interface until then.
                .setSecurityEnabled(false)
                .setIDCacheSize(50_000)
                .setPersistIDCache(true);
        // The hub's own connection; its id follows nav.broker.url so that two embedded hubs can share a JVM.
        config.addAcceptorConfiguration("in-vm", properties.url().startsWith("vm://") ? properties.url() : "vm://0");
        config.addAcceptorConfiguration("clients",
                "tcp://" + properties.host() + ":" + properties.port() + "?protocols=CORE,AMQP");

        AddressSettings defaults = new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(Queues.DLQ_BROKER))
                .setExpiryAddress(SimpleString.of(Queues.EXPIRED))
                .setAutoCreateQueues(false)
                .setAutoCreateAddresses(false)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE);
        config.addAddressSetting("#", defaults);
        // Stages roll a failed message back; the broker redelivers it later (back-off) and the stage
        // parks it with its reason after its own attempt limit. These attempts are the safety net.
        config.addAddressSetting("nav.#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(Queues.DLQ_BROKER))
                .setExpiryAddress(SimpleString.of(Queues.EXPIRED))
                .setRedeliveryDelay(500)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(60_000)
                .setMaxDeliveryAttempts(20)
                .setAutoCreateQueues(false)
                .setAutoCreateAddresses(false)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE));
        return config;
    }
}
