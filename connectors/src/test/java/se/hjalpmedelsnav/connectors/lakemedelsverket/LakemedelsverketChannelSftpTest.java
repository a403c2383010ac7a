package se.hjalpmedelsnav.connectors.lakemedelsverket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
class LakemedelsverketChannelSftpTest {

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

    private LakemedelsverketChannel channel() throws Exception {
        var hostKey = server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
        Path knownHosts = Files.writeString(work.resolve("known_hosts"),
                "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey) + "\n");
        return new LakemedelsverketChannel(LakemedelsverketChannel.Kind.SFTP, null,
                new LakemedelsverketChannel.Sftp("127.0.0.1", server.getPort(), "lakemedelsverket", USER, PASSWORD,
                        knownHosts.toString(), null), null);
    }

    @Test
    void writesTheReportToTheServersFolderUnderItsFinalName() throws Exception {
        var endpoint = channel().reportFiles();
        assertThat(endpoint.getRawUri()).contains("127.0.0.1:" + server.getPort() + "/lakemedelsverket")
                .doesNotContain(PASSWORD);
        try (var camel = new DefaultCamelContext()) {
            Properties secrets = new Properties();
            secrets.setProperty(LakemedelsverketChannel.PASSWORD_PROPERTY, PASSWORD);
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
