package se.hjalpmedelsnav.hub.incident;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where incident reports go and how long Läkemedelsverket's confirmation may take ({@code nav.incident.*}).
 *
 * @param authority     the channel to Läkemedelsverket (the report's XML and PDF)
 * @param manufacturer  the channel for the manufacturer's copy
 * @param confirmations where confirmation files are dropped
 * @param deadline      by when a report must be confirmed, and how often that is checked
 */
@ConfigurationProperties("nav.incident")
public record IncidentProperties(Authority authority, Manufacturer manufacturer, Confirmations confirmations,
        Deadline deadline) {

    public enum AuthorityChannel { FOLDER, SFTP, HTTP }

    public enum ManufacturerChannel { SUPPLIER, FOLDER, HTTP }

    /**
     * @param folder FOLDER: where the XML and PDF are written for someone to upload in Läkemedelsverket's form
     * @param sftp   SFTP: a server folder for the same manual upload
     * @param http   HTTP: an endpoint that takes the report (multipart: the XML and the PDF)
     */
    public record Authority(@DefaultValue("FOLDER") AuthorityChannel channel, String folder, Sftp sftp, Http http) {
    }

    public record Manufacturer(@DefaultValue("SUPPLIER") ManufacturerChannel channel, String folder, Http http) {
    }

    /**
     * @param knownHostsFile the server's host key: the hub checks it, always
     * @param password       from the environment ({@code NAV_INCIDENT_AUTHORITY_SFTP_PASSWORD}), never in a file
     */
    public record Sftp(String host, @DefaultValue("22") int port, @DefaultValue("lakemedelsverket") String directory,
            String username, String password, String knownHostsFile, String privateKeyFile) {

        @Override
        public String toString() {
            return "Sftp[host=" + host + ", port=" + port + ", directory=" + directory + ", username=" + username + "]";
        }
    }

    public record Http(String url, @DefaultValue("5000") int connectTimeoutMs,
            @DefaultValue("15000") int responseTimeoutMs) {
    }

    /** @param errorFolder where a confirmation file that cannot be used is moved, with its reason beside it */
    public record Confirmations(String folder, String errorFolder, @DefaultValue("1s") Duration pollDelay) {
    }

    /**
     * @param serious       for a death or a serious injury
     * @param other         for any other consequence
     * @param checkInterval how often unconfirmed reports are checked against their deadline
     */
    public record Deadline(@DefaultValue("P2D") Duration serious, @DefaultValue("P7D") Duration other,
            @DefaultValue("60s") Duration checkInterval) {
    }
}
