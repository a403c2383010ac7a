package se.hjalpmedelsnav.hub.broker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hub reaches its broker.
 *
 * @param embedded    start an in-process Artemis broker (the embedded default); false in production
 * @param url         the client URL the hub itself connects with ({@code vm://0} for the embedded broker)
 * @param host        interface the embedded broker's network acceptor binds to
 * @param port        port of the embedded broker's acceptor for CORE and AMQP 1.0 clients
 * @param dataDir     where the embedded broker keeps its persistent journal
 * @param user        the hub's broker user (external broker only)
 * @param password    the hub's broker password (external broker only; from the environment)
 */
@ConfigurationProperties("nav.broker")
public record BrokerProperties(
        @DefaultValue("true") boolean embedded,
        @DefaultValue("vm://0") String url,
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue("61616") int port,
        @DefaultValue("./data/broker") String dataDir,
        String user,
        String password) {
}
