package se.hjalpmedelsnav.hub.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authority's SFTP channel, lightly: the endpoint the routes build writes a report to a real SSH server's
 * folder under its final name, with the host key checked and the password never in the endpoint's URI.
 */
class IncidentAuthoritySftpTest {

    private static final String USER = "hub";
    private static final String PASSWORD = "sftp-test-password";

    @TempDir
    Path work;
    SshServer server;
    Path root;

    @BeforeEach
    void startServer() throws Exception {
        root = Files.createDirectories(work.resolve("sftp-root"));
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(work.resolve("host-key")));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.stop(true);
    }

    private IncidentReportRoutes routes() throws Exception {
        var hostKey = server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
        Path knownHosts = Files.writeString(work.resolve("known_hosts"),
                "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey) + "\n");
        var properties = new IncidentProperties(
                new IncidentProperties.Authority(IncidentProperties.AuthorityChannel.SFTP, null,
                        new IncidentProperties.Sftp("127.0.0.1", server.getPort(), "lakemedelsverket", USER, PASSWORD,
                                knownHosts.toString(), null), null),
                new IncidentProperties.Manufacturer(IncidentProperties.ManufacturerChannel.SUPPLIER, null, null),
                new IncidentProperties.Confirmations("c", "c/error", Duration.ofSeconds(1)),
                new IncidentProperties.Deadline(Duration.ofDays(2), Duration.ofDays(7), Duration.ofMinutes(1)));
        return new IncidentReportRoutes(properties);
    }

    @Test
    void writesTheReportToTheServersFolderUnderItsFinalName() throws Exception {
        var endpoint = routes().sftpFolder();
        assertThat(endpoint.getRawUri()).contains("127.0.0.1:" + server.getPort() + "/lakemedelsverket")
                .doesNotContain(PASSWORD);
        try (var camel = new DefaultCamelContext()) {
            Properties secrets = new Properties();
            secrets.setProperty("nav.incident.authority.sftp.password", PASSWORD);
            camel.getPropertiesComponent().setInitialProperties(secrets);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:report").to(endpoint);
                }
            });
            camel.start();

            camel.createProducerTemplate().sendBodyAndHeader("direct:report",
                    "<incidentReport/>".getBytes(StandardCharsets.UTF_8), Exchange.FILE_NAME, "ref-1.xml");
        }

        assertThat(root.resolve("lakemedelsverket/ref-1.xml")).hasContent("<incidentReport/>");
        try (var files = Files.list(root.resolve("lakemedelsverket"))) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).containsExactly("ref-1.xml");
        }
    }
}
