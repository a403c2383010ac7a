package se.hjalpmedelsnav.connectors.lakemedelsverket;

import static org.apache.camel.builder.endpoint.StaticEndpointBuilders.file;

import java.nio.file.Path;
import org.apache.camel.builder.EndpointProducerBuilder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import se.hjalpmedelsnav.connectors.http.HttpEndpoint;
import se.hjalpmedelsnav.connectors.sftp.SftpAccount;

/**
 * How incident reports reach Läkemedelsverket ({@code nav.incident.authority}), and the endpoints of that channel.
 * Läkemedelsverket takes reports through its e-service; the hub leaves each report's XML and PDF where someone
 * uploads them (a folder, an SFTP folder) or posts both to an endpoint that does (HTTP, multipart).
 *
 * @param channel FOLDER, SFTP or HTTP
 * @param folder  FOLDER: where the XML and PDF are written
 * @param sftp    SFTP: a server folder for the same manual upload
 * @param http    HTTP: an endpoint that takes the report
 */
public record LakemedelsverketChannel(@DefaultValue("FOLDER") Kind channel, String folder, Sftp sftp,
        HttpEndpoint http) {

    /** The Camel property the SFTP password is read from; it never stands in an endpoint URI. */
    public static final String PASSWORD_PROPERTY = "nav.incident.authority.sftp.password";
    /** Never a half-written report under its final name. */
    static final String TEMPORARY_NAME = "${file:onlyname}.part";

    public enum Kind { FOLDER, SFTP, HTTP }

    /**
     * @param knownHostsFile the server's host key: the hub checks it, always
     * @param password       from the environment ({@code NAV_INCIDENT_AUTHORITY_SFTP_PASSWORD}), never in a file
     */
    public record Sftp(String host, @DefaultValue("22") int port, @DefaultValue("lakemedelsverket") String directory,
            String username, String password, String knownHostsFile, String privateKeyFile) {

        SftpAccount account() {
            return new SftpAccount(host, port, username, blank(knownHostsFile) ? null : Path.of(knownHostsFile),
                    blank(privateKeyFile) ? null : Path.of(privateKeyFile), blank(password) ? null : PASSWORD_PROPERTY,
                    null, null);
        }

        @Override
        public String toString() {
            return "Sftp[host=" + host + ", port=" + port + ", directory=" + directory + ", username=" + username + "]";
        }
    }

    /** A channel without its address fails the start with the property to set, not the first report. */
    public void requireComplete() {
        switch (channel) {
            case FOLDER -> require(folder, "nav.incident.authority.folder");
            case SFTP -> {
                require(sftp == null ? null : sftp.host(), "nav.incident.authority.sftp.host");
                require(sftp.username(), "nav.incident.authority.sftp.username");
                require(sftp.knownHostsFile(), "nav.incident.authority.sftp.known-hosts-file");
            }
            case HTTP -> require(http == null ? null : http.url(), "nav.incident.authority.http.url");
        }
    }

    /**
     * FOLDER or SFTP: where each report's files are written as bytes, named by {@code CamelFileName}, replacing a
     * repeat (a redelivery writes the same report under the same name).
     */
    public EndpointProducerBuilder reportFiles() {
        return switch (channel) {
            case FOLDER -> file(Path.of(folder).toAbsolutePath().normalize().toString())
                    .tempFileName(TEMPORARY_NAME).fileExist("Override");
            case SFTP -> sftp.account().folder(sftp.directory()).tempFileName(TEMPORARY_NAME).fileExist("Override");
            case HTTP -> throw new IllegalStateException("the HTTP channel writes no files");
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void require(String value, String property) {
        if (blank(value)) {
            throw new IllegalStateException(property + " must be set for the configured incident report channel");
        }
    }
}
