package se.hjalpmedelsnav.hub.retention;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.hjalpmedelsnav.broker.MessageProperties;
import se.hjalpmedelsnav.hub.admin.DeadLetters;
import se.hjalpmedelsnav.hub.admin.ReplayAudit;
import se.hjalpmedelsnav.hub.broker.BrokerProperties;
import se.hjalpmedelsnav.hub.broker.EmbeddedBroker;
import se.hjalpmedelsnav.hub.incident.IncidentReportStore;
import se.hjalpmedelsnav.hub.lease.JobLease;

/**
 * The retention's parts as one hub has them, on a real database and the hub's real embedded broker (in-VM, its
 * own journal in a temporary folder), with a clock the test moves instead of waiting.
 */
public final class RetentionFixture {

    private RetentionFixture() {
    }

    /** The policy {@code application.yml} configures, with {@code overrides} ({@code nav.retention.*} keys). */
    public static RetentionProperties policy(Map<String, String> overrides) {
        Map<String, Object> properties = new HashMap<>();
        try {
            for (var source : new YamlPropertySourceLoader().load("application.yml",
                    new ClassPathResource("application.yml"))) {
                var enumerable = (EnumerablePropertySource<?>) source;
                for (String name : enumerable.getPropertyNames()) {
                    if (name.startsWith("nav.retention.")) {
                        properties.put(name, String.valueOf(enumerable.getProperty(name)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.putAll(overrides);
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("nav.retention", RetentionProperties.class);
    }

    public static RetentionProperties policy() {
        return policy(Map.of());
    }

    /** A clock the test sets; reads like the hub's (Swedish time). */
    public static final class MovableClock extends Clock {
        private volatile Instant now;

        public MovableClock(Instant now) {
            this.now = now;
        }

        public void set(Instant at) {
            now = at;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Europe/Stockholm");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The hub's embedded broker, with every hub queue, in a folder of its own. */
    public static final class Broker implements AutoCloseable {
        private final String url = "vm://retention" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000);
        private final EmbeddedBroker broker;
        private final Path dir;

        public Broker() throws Exception {
            dir = Files.createTempDirectory("nav-retention-broker");
            Map<String, String> settings = Map.of("nav.broker.url", url, "nav.broker.data-dir", dir.toString(),
                    "nav.broker.password", "hub-dev", "nav.broker.security.admin-password", "admin-dev",
                    "nav.broker.port", "0");
            BrokerProperties properties = new Binder(new MapConfigurationPropertySource(settings))
                    .bindOrCreate("nav.broker", BrokerProperties.class);
            broker = new EmbeddedBroker(properties);
            broker.start();
        }

        /** Logged in as the hub, as the hub's own connection factory is. */
        public ConnectionFactory connectionFactory() {
            var factory = new ActiveMQConnectionFactory(url);
            factory.setUser("hub");
            factory.setPassword("hub-dev");
            return factory;
        }

        /** The broker's admin, who may browse every queue (the hub may browse the dead-letter queues only). */
        public ConnectionFactory adminConnectionFactory() {
            var factory = new ActiveMQConnectionFactory(url);
            factory.setUser("admin");
            factory.setPassword("admin-dev");
            return factory;
        }

        public EmbeddedBroker broker() {
            return broker;
        }

        /** Parks a message as a stage does: its body, and the labels of StageErrorHandling. */
        public String park(String deadLetterQueue, String origin, String body, String hubReference) throws Exception {
            try (Connection connection = connectionFactory().createConnection()) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                TextMessage message = session.createTextMessage(body);
                message.setStringProperty(MessageProperties.FAILURE_REASON, "SupplierUnavailableException: 503 from the supplier");
                message.setStringProperty(MessageProperties.FAILED_STAGE, "supplier-api-order-deliver");
                message.setStringProperty(MessageProperties.PARK_POLICY, "RETRIED");
                message.setStringProperty(MessageProperties.ORIGINAL_ADDRESS, origin);
                message.setStringProperty(MessageProperties.KOMMUN_CODE, "1480");
                message.setStringProperty(MessageProperties.HUB_REFERENCE, hubReference);
                message.setStringProperty(MessageProperties.MESSAGE_ID, "order-" + hubReference.substring(0, 8));
                message.setStringProperty(MessageProperties.MESSAGE_TYPE, "ORDER");
                message.setJMSCorrelationID("order-" + hubReference.substring(0, 8));
                session.createProducer(session.createQueue(deadLetterQueue)).send(message);
                return message.getJMSMessageID();
            }
        }

        /** What a queue holds, oldest first, without taking it. */
        public List<Message> browse(String queue) throws Exception {
            try (Connection connection = adminConnectionFactory().createConnection()) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                connection.start();
                List<Message> messages = new ArrayList<>();
                for (Object message : Collections.list(session.createBrowser(session.createQueue(queue))
                        .getEnumeration())) {
                    messages.add((Message) message);
                }
                return messages;
            }
        }

        @Override
        public void close() throws Exception {
            broker.stop();
        }
    }

    /** One hub's purge on that database and broker, sweeping those folders. */
    public static RetentionPurge purge(RetentionProperties policy, DataSource dataSource, ConnectionFactory broker,
            Clock clock, MeterRegistry meters, String hub, RetentionPurge.Folders folders) {
        var jdbc = new JdbcTemplate(dataSource);
        var audit = new RetentionAudit(jdbc);
        var deadLetters = new DeadLetters(broker, new ReplayAudit(jdbc),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), clock);
        var parked = new ParkedMessageRetention(deadLetters, audit, policy.deadLetters(), meters);
        return new RetentionPurge(policy, new JobLease(jdbc, RetentionPurge.LEASE, hub), new DatabasePurge(jdbc, policy),
                folders == null ? noFolders() : folders, parked, audit, meters, clock);
    }

    public static RetentionPurge purge(RetentionProperties policy, DataSource dataSource, ConnectionFactory broker,
            Clock clock) {
        return purge(policy, dataSource, broker, clock, new SimpleMeterRegistry(), "hub-" + UUID.randomUUID(), null);
    }

    public static RetentionPurge.Folders noFolders() {
        return new RetentionPurge.Folders(null, null, null, null, null, hubReference -> java.util.Optional.empty());
    }

    /** The folders of a data folder laid out as the embedded default's, reports confirmed as the store says. */
    public static RetentionPurge.Folders folders(Path dataDir, IncidentReportStore reports) {
        return new RetentionPurge.Folders(dataDir.resolve("filedrop/processed"), dataDir.resolve("filedrop/error"),
                dataDir.resolve("lakemedelsverket/outbox"), dataDir.resolve("lakemedelsverket/confirmations/processed"),
                dataDir.resolve("lakemedelsverket/confirmations/error"),
                hubReference -> reports.find(hubReference).map(r -> r.confirmedAt()).map(at -> at.toInstant()));
    }

    static Instant days(Instant from, long days) {
        return from.plus(Duration.ofDays(days));
    }

    static java.time.OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
