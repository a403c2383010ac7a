package se.hjalpmedelsnav.hub.broker;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.security.impl.SecurityStoreImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.hjalpmedelsnav.broker.BrokerAccess;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.broker.plugins.MessageSizeLimit;
import se.hjalpmedelsnav.broker.plugins.UnreadableAmqpMessageGuard;

/**
 * The in-process Artemis broker of the embedded default: persistent journal, an acceptor for CORE
 * and AMQP 1.0 clients (plain, TLS or both), the hub's address settings, and security on: the users
 * {@code hub}, {@code admin} and {@code kommun-<code>} per municipality, with the permissions of
 * {@link BrokerAccess}. Users live in memory (Artemis's JAAS security manager with its in-VM login
 * module); municipality users are added by {@link KommunQueues} from the registry. Production runs a
 * standalone broker with the same settings in its broker.xml.
 */
public class EmbeddedBroker {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final BrokerProperties properties;
    private final EmbeddedActiveMQ embedded = new EmbeddedActiveMQ();
    private final SecurityConfiguration users = new SecurityConfiguration();

    public EmbeddedBroker(BrokerProperties properties) {
        this.properties = properties;
    }

    public void start() throws Exception {
        addUser(properties.user(), properties.password(), BrokerAccess.HUB_ROLE, "nav.broker.password");
        addUser(properties.security().adminUser(), properties.security().adminPassword(), BrokerAccess.ADMIN_ROLE,
                "nav.broker.security.admin-password");
        embedded.setConfiguration(configuration());
        embedded.setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
        embedded.start();
        for (String queue : Queues.hubQueues()) {
            ensureQueue(queue);
        }
        log.info("Embedded Artemis broker started, security on, journal in {}; closed to clients until their users are in",
                Path.of(properties.dataDir()).toAbsolutePath().normalize());
    }

    /**
     * Starts the acceptors of the municipalities' clients (plain and TLS), once {@link #allowKommun} has added their
     * users: opened at {@link #start()}, a municipality that reconnected during the hub's start was refused as an
     * unknown user ("Unable to validate user") for the seconds until the registry was read. The hub itself
     * connects in-VM meanwhile.
     */
    public void openToClients() throws Exception {
        for (String acceptor : List.of("clients", "clients-tls")) {
            var started = server().getRemotingService().getAcceptor(acceptor);
            if (started != null && !started.isStarted()) {
                started.start();
            }
        }
        log.info("Embedded Artemis broker open to clients, CORE and AMQP 1.0 on {}", listening());
    }

    /**
     * Lets municipality {@code kommunCode} log in as {@code kommun-<code>} (unless it has no password) and
     * act on its own two queues only. Called again on a registry reload: a changed or removed password takes
     * effect for new connections.
     */
    public void allowKommun(String kommunCode, String password) {
        String user = BrokerAccess.kommunUser(kommunCode);
        if (password == null) {
            log.warn("Broker user {} has no password in the credentials file: that municipality cannot connect", user);
            users.removeUser(user);
        } else {
            users.addUser(user, password);
            List<String> roles = users.getRole(user);
            if (roles == null || !roles.contains(user)) {
                users.addRole(user, user);
            }
        }
        BrokerAccess.kommunSettings(kommunCode).forEach(this::addSecuritySettings);
        // The broker caches failed logins too: a user added or given a new password must not meet an old refusal.
        ((SecurityStoreImpl) server().getSecurityStore()).invalidateAuthenticationCache();
    }

    private void addSecuritySettings(String match, Set<Role> roles) {
        server().getSecurityRepository().addMatch(match, roles);
    }

    private void addUser(String user, String password, String role, String property) {
        if (user == null || user.isBlank() || password == null || password.isBlank()) {
            throw new IllegalStateException("The embedded broker needs a user and password for role " + role
                    + ": set " + property);
        }
        users.addUser(user, password);
        users.addRole(user, role);
    }

    private String listening() {
        BrokerProperties.Tls tls = properties.tls();
        String plain = properties.host() + ":" + properties.port();
        if (!tls.enabled()) {
            return plain;
        }
        return (tls.plainAcceptor() ? plain + " and " : "") + "TLS on " + tls.host() + ":" + tls.port();
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

    /**
     * The broker's name, which names its MBeans: {@code hjalpmedelsnav-embedded}, with the in-VM id
     * appended when it is not 0, so that two embedded hubs in one JVM (tests) do not share MBeans and
     * one closing does not unregister the other's.
     */
    String name() {
        String url = properties.url();
        if (!url.startsWith("vm://") || url.equals("vm://0")) {
            return "hjalpmedelsnav-embedded";
        }
        return "hjalpmedelsnav-embedded-" + url.substring("vm://".length()).replaceAll("[^A-Za-z0-9]", "");
    }

    private static final int PAGE_BYTES = 1024 * 1024;

    private Configuration configuration() throws Exception {
        Path dir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
        Configuration config = new ConfigurationImpl()
                .setName(name())
                .setPersistenceEnabled(true)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setJMXManagementEnabled(true)
                .setSecurityEnabled(true)
                .setIDCacheSize(50_000)
                .setPersistIDCache(true)
                // A backlog (a supplier down, a municipality not reading its .out queue) pages to disk beyond
                // this, instead of filling the hub's small heap: Artemis' default is half of -Xmx.
                .setGlobalMaxSize(properties.globalMaxBytes());
        // The hub's own connection; its id follows nav.broker.url so that two embedded hubs can share a JVM.
        config.addAcceptorConfiguration("in-vm", properties.url().startsWith("vm://") ? properties.url() : "vm://0");
        BrokerProperties.Tls tls = properties.tls();
        if (!tls.enabled() || tls.plainAcceptor()) {
            config.addAcceptorConfiguration("clients",
                    "tcp://" + properties.host() + ":" + properties.port() + "?protocols=CORE,AMQP&"
                            + TransportConstants.AUTO_START + "=false");
        }
        if (tls.enabled()) {
            config.addAcceptorConfiguration(tlsAcceptor(tls));
        }
        BrokerAccess.baseSettings().forEach(config::putSecurityRoles);
        config.registerBrokerPlugin(new UnreadableAmqpMessageGuard());
        config.registerBrokerPlugin(new MessageSizeLimit(properties.maxMessageBytes()));

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
                .setRedeliveryDelay(properties.redelivery().delay().toMillis())
                .setRedeliveryMultiplier(properties.redelivery().multiplier())
                .setMaxRedeliveryDelay(properties.redelivery().maxDelay().toMillis())
                .setMaxDeliveryAttempts(20)
                .setAutoCreateQueues(false)
                .setAutoCreateAddresses(false)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                // A paging queue reads its pages back a little at a time: Artemis' defaults (10 MiB pages, 20 MiB
                // read ahead per queue) would bring a backlog back into the heap that global-max-size kept out.
                .setPageSizeBytes(PAGE_BYTES)
                .setMaxReadPageBytes(4 * PAGE_BYTES)
                .setPrefetchPageBytes(2 * PAGE_BYTES));
        return config;
    }

    /** Built from parameters, not a URL, so that the keystore password is in no URI the broker might log. */
    private static TransportConfiguration tlsAcceptor(BrokerProperties.Tls tls) {
        if (tls.keystorePath() == null || tls.keystorePath().isBlank()) {
            throw new IllegalStateException("nav.broker.tls.enabled is true but nav.broker.tls.keystore-path is not set");
        }
        Map<String, Object> params = new HashMap<>();
        params.put(TransportConstants.HOST_PROP_NAME, tls.host());
        params.put(TransportConstants.PORT_PROP_NAME, tls.port());
        params.put(TransportConstants.PROTOCOLS_PROP_NAME, "CORE,AMQP");
        params.put(TransportConstants.AUTO_START, false);
        params.put(TransportConstants.SSL_ENABLED_PROP_NAME, true);
        params.put(TransportConstants.KEYSTORE_PATH_PROP_NAME, tls.keystorePath());
        params.put(TransportConstants.KEYSTORE_TYPE_PROP_NAME, tls.keystoreType());
        params.put(TransportConstants.KEYSTORE_PASSWORD_PROP_NAME, tls.keystorePassword());
        return new TransportConfiguration(NettyAcceptorFactory.class.getName(), params, "clients-tls");
    }
}
