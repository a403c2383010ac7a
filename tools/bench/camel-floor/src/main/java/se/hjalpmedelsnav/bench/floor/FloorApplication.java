package se.hjalpmedelsnav.bench.floor;

import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * Camel's floor on the hub's stack: an embedded Artemis with the hub's persistence settings (an AMQP acceptor for the
 * bench's client, in-VM for Camel) and one route, {@code bench.floor.in} to {@code bench.floor.out}, each message in
 * a local JMS transaction with the hub's JMS settings ({@code routes}' BrokerConfiguration) and, with
 * {@code floor.record=true}, one insert committed on an embedded H2 of the hub's settings before the JMS commit, as
 * the hub's intake records a receipt. What the hub's intake does beyond that is the hub's own cost.
 */
@SpringBootApplication
public class FloorApplication {

    public static void main(String[] args) {
        SpringApplication.run(FloorApplication.class, args);
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    EmbeddedActiveMQ broker(@Value("${floor.data-dir}") Path dir, @Value("${floor.port}") int port) throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("floor")
                .setPersistenceEnabled(true)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setSecurityEnabled(false)
                .setIDCacheSize(50_000)
                .setPersistIDCache(true);
        for (String queue : new String[] {"bench.floor.in", "bench.floor.out"}) {
            config.addQueueConfiguration(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST).setDurable(true));
        }
        config.addAcceptorConfiguration("in-vm", "vm://0");
        config.addAcceptorConfiguration("clients", "tcp://127.0.0.1:" + port + "?protocols=CORE,AMQP");
        var embedded = new EmbeddedActiveMQ();
        embedded.setConfiguration(config);
        return embedded;
    }

    @Bean
    CachingConnectionFactory floorConnectionFactory(EmbeddedActiveMQ broker) {
        var caching = new CachingConnectionFactory(new ActiveMQConnectionFactory("vm://0"));
        caching.setSessionCacheSize(20);
        caching.setCacheConsumers(false);
        return caching;
    }

    @Bean("jms")
    JmsComponent jms(ConnectionFactory floorConnectionFactory) {
        JmsComponent jms = JmsComponent.jmsComponent(floorConnectionFactory);
        jms.setTransacted(true);
        jms.setLazyCreateTransactionManager(false);
        jms.setCacheLevelName("CACHE_CONSUMER");
        jms.setDeliveryPersistent(true);
        return jms;
    }

    @Bean
    RouteBuilder hop(DataSource dataSource, @Value("${floor.consumers}") int consumers,
            @Value("${floor.record}") boolean record) {
        var jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table if not exists hop (id varchar(100) primary key, body varchar(4000))");
        return new RouteBuilder() {
            @Override
            public void configure() {
                var route = from("jms:queue:bench.floor.in?concurrentConsumers=" + consumers).routeId("hop");
                if (record) {
                    route.process(exchange -> jdbc.update("insert into hop (id, body) values (?, ?)",
                            exchange.getMessage().getHeader("JMSMessageID", String.class),
                            exchange.getMessage().getBody(String.class)));
                }
                route.to("jms:queue:bench.floor.out");
            }
        };
    }
}
