package se.hjalpmedelsnav.hub.broker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hub reaches its broker, and who else may.
 *
 * @param embedded    start an in-process Artemis broker (the embedded default)
 * @param url         the client URL the hub itself connects with ({@code vm://0} for the embedded broker)
 * @param host        interface the embedded broker's plain acceptor binds to
 * @param port        port of the embedded broker's plain acceptor for CORE and AMQP 1.0 clients
 * @param dataDir     where the embedded broker keeps its persistent journal
 * @param user        the hub's own broker user ({@code hub})
 * @param password    the hub's broker password (development value in the embedded default; from the environment in prod)
 * @param security    the embedded broker's other users
 * @param tls         the TLS acceptor of the embedded broker, and the trust of the hub's own connection
 * @param maxMessageBytes the largest message the embedded broker takes (whole message, any protocol); a larger
 *                    send is refused at once ({@link se.hjalpmedelsnav.broker.plugins.MessageSizeLimit})
 * @param redelivery  the embedded broker's back-off for a message a stage rolled back
 * @param globalMaxBytes how much of the heap the embedded broker may fill with queued messages before it pages
 *                    them to disk (Artemis' global-max-size; its own default is half the heap)
 */
@ConfigurationProperties("nav.broker")
public record BrokerProperties(
        @DefaultValue("true") boolean embedded,
        @DefaultValue("vm://0") String url,
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue("61616") int port,
        @DefaultValue("./data/broker") String dataDir,
        @DefaultValue("hub") String user,
        String password,
        @DefaultValue Security security,
        @DefaultValue Tls tls,
        @DefaultValue("10485760") long maxMessageBytes,
        @DefaultValue Redelivery redelivery,
        @DefaultValue("16777216") long globalMaxBytes) {

    @Override
    public String toString() {
        return "BrokerProperties[embedded=" + embedded + ", url=" + url + ", host=" + host + ", port=" + port
                + ", user=" + user + ", tls=" + tls + ", maxMessageBytes=" + maxMessageBytes + ", redelivery=" + redelivery
                + ", globalMaxBytes=" + globalMaxBytes + "]";
    }

    /**
     * @param adminUser            the broker user that may browse and manage everything
     * @param adminPassword        its password
     * @param developmentPasswords embedded default only: {@code kommun-<code>} logs in with
     *                             {@code kommun-<code>-dev} unless the credentials file names it
     * @param credentialsFile      a properties file {@code kommun-<code>=password}, one line per municipality,
     *                             re-read when the registry is reloaded; never in the repository
     */
    public record Security(
            @DefaultValue("admin") String adminUser,
            String adminPassword,
            @DefaultValue("false") boolean developmentPasswords,
            String credentialsFile) {

        @Override
        public String toString() {
            return "Security[adminUser=" + adminUser + ", developmentPasswords=" + developmentPasswords
                    + ", credentialsFile=" + credentialsFile + "]";
        }
    }

    /**
     * @param enabled            open a TLS acceptor on the embedded broker (CORE and AMQP 1.0)
     * @param host               interface it binds to
     * @param port               its port
     * @param plainAcceptor      keep the plain acceptor on {@code host:port} as well
     * @param keystorePath       the broker's key and certificate (PKCS12 by default)
     * @param keystorePassword   its password
     * @param keystoreType       {@code PKCS12} or {@code JKS}
     * @param truststorePath     what the hub trusts when it connects to a remote broker over TLS ({@code url} tcp://…)
     * @param truststorePassword its password
     */
    public record Tls(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("127.0.0.1") String host,
            @DefaultValue("61617") int port,
            @DefaultValue("true") boolean plainAcceptor,
            String keystorePath,
            String keystorePassword,
            @DefaultValue("PKCS12") String keystoreType,
            String truststorePath,
            String truststorePassword) {

        @Override
        public String toString() {
            return "Tls[enabled=" + enabled + ", host=" + host + ", port=" + port + ", plainAcceptor=" + plainAcceptor
                    + ", keystorePath=" + keystorePath + ", truststorePath=" + truststorePath + "]";
        }
    }

    /**
     * When the embedded broker hands a rolled-back message to its stage again. The standalone broker has the same
     * values in {@code docker/broker/hub-address-settings.xml}.
     *
     * @param delay      before the second attempt
     * @param multiplier each later wait is this many times the one before
     * @param maxDelay   the longest wait
     */
    public record Redelivery(
            @DefaultValue("500ms") Duration delay,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("60s") Duration maxDelay) {
    }
}
