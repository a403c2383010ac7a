package se.hjalpmedelsnav.hub.broker;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * The broker connection and the Camel JMS component every route uses.
 *
 * <p>Routes consume with local JMS session transactions ({@code transacted}, no transaction
 * manager): what a route sends while handling a message goes out on the consumer's own session and
 * is committed together with the acknowledgement, so a hand-off between queues is atomic without XA.
 */
@Configuration
public class BrokerConfiguration {

    @Bean(initMethod = "start", destroyMethod = "stop")
    @ConditionalOnProperty(name = "nav.broker.embedded", havingValue = "true", matchIfMissing = true)
    public EmbeddedBroker embeddedBroker(BrokerProperties properties) {
        return new EmbeddedBroker(properties);
    }

    @Bean
    public CachingConnectionFactory brokerConnectionFactory(BrokerProperties properties,
            ObjectProvider<EmbeddedBroker> embeddedBroker) {
        embeddedBroker.ifAvailable(broker -> { }); // the in-VM connector needs the broker started first
        ActiveMQConnectionFactory artemis = new ActiveMQConnectionFactory(properties.url());
        // The hub logs in as its own user, in-VM too: the broker's security applies to every connection.
        artemis.setUser(properties.user());
        artemis.setPassword(properties.password());
        trustForRemoteBroker(artemis, properties.tls());
        CachingConnectionFactory caching = new CachingConnectionFactory(artemis);
        caching.setSessionCacheSize(20);
        caching.setCacheConsumers(false);
        return caching;
    }

    /**
     * A remote broker reached over TLS ({@code nav.broker.url} {@code tcp://host:61617}) is trusted by the
     * truststore of {@code nav.broker.tls.truststore-*}; set on the connector, not in the URL, so that
     * no password is part of a URI.
     */
    static void trustForRemoteBroker(ActiveMQConnectionFactory artemis, BrokerProperties.Tls tls) {
        if (tls.truststorePath() == null || tls.truststorePath().isBlank()) {
            return;
        }
        for (TransportConfiguration connector : artemis.getStaticConnectors()) {
            if (connector.getFactoryClassName().contains("InVM")) {
                continue;
            }
            connector.getParams().put(TransportConstants.SSL_ENABLED_PROP_NAME, true);
            connector.getParams().put(TransportConstants.TRUSTSTORE_PATH_PROP_NAME, tls.truststorePath());
            connector.getParams().put(TransportConstants.TRUSTSTORE_PASSWORD_PROP_NAME, tls.truststorePassword());
        }
    }

    @Bean("jms")
    public JmsComponent jms(ConnectionFactory brokerConnectionFactory,
            @Value("${nav.jms.concurrent-consumers:1}") int concurrentConsumers) {
        JmsComponent jms = JmsComponent.jmsComponent(brokerConnectionFactory);
        jms.setTransacted(true);
        jms.setLazyCreateTransactionManager(false);
        // Without this the listener container opens a consumer per message (STACK.md: ~3x slower).
        jms.setCacheLevelName("CACHE_CONSUMER");
        jms.setConcurrentConsumers(concurrentConsumers);
        jms.setDeliveryPersistent(true);
        return jms;
    }
}
