package se.hjalpmedelsnav.hub.broker;

import jakarta.jms.ConnectionFactory;
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
        if (properties.user() != null) {
            artemis.setUser(properties.user());
            artemis.setPassword(properties.password());
        }
        CachingConnectionFactory caching = new CachingConnectionFactory(artemis);
        caching.setSessionCacheSize(20);
        caching.setCacheConsumers(false);
        return caching;
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
