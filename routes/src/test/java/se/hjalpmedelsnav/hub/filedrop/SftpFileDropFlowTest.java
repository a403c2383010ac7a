package se.hjalpmedelsnav.hub.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.hjalpmedelsnav.hub.broker.EmbeddedBroker;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.hub.supplier.filedrop.FileDropRoutes;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.hub.support.TestOrders;

/**
 * The file drop over SFTP, as in production, against a real SSH server (Apache MINA SSHD) with password
 * login and a checked host key. The server serves the folder the simulated supplier works in.
 */
// Its own hub, closed after the class: a cached one would keep a second broker and its pollers busy.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = se.hjalpmedelsnav.hub.HubApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SftpFileDropFlowTest extends FileDropFlowContract {

    static final int HTTP_PORT = HubTest.freePort();
    static final int BROKER_PORT = HubTest.freePort();
    static final Path DATA_DIR = HubTest.newDataDir();
    static final String USER = "hub";
    static final String PASSWORD = "sftp-test-password+1";

    private static SshServer server;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationContext hub;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) throws IOException {
        Path root = Files.createDirectories(DATA_DIR.resolve("filedrop"));
        Path knownHosts = startSshServer(root);
        HubTest.embeddedHub(registry, HTTP_PORT, BROKER_PORT, DATA_DIR);
        fileDropHub(registry, DATA_DIR);
        // Another in-VM acceptor than the shared embedded hub's vm://0, in case both run in one JVM.
        registry.add("nav.broker.url", () -> "vm://22");
        registry.add("nav.filedrop.mode", () -> "SFTP");
        registry.add("nav.filedrop.sftp.host", () -> "127.0.0.1");
        registry.add("nav.filedrop.sftp.port", () -> server.getPort());
        registry.add("nav.filedrop.sftp.username", () -> USER);
        registry.add("nav.filedrop.sftp.password", () -> PASSWORD);
        registry.add("nav.filedrop.sftp.known-hosts-file", knownHosts::toString);
    }

    /** Runs until the JVM ends, after the hub (whose consumer would otherwise poll a closed server). */
    private static synchronized Path startSshServer(Path root) throws IOException {
        if (server == null) {
            server = sshServer(root, 0);
            server.start();
        }
        try {
            KeyPair hostKey = server.getKeyPairProvider().loadKeys(null).iterator().next();
            return Files.writeString(DATA_DIR.resolve("known_hosts"),
                    "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n");
        } catch (Exception e) {
            throw new IllegalStateException("the test SSH server has no host key", e);
        }
    }

    /** An SSH server on that port (0: any) with the same host key each time, serving the file drop's root. */
    private static SshServer sshServer(Path root, int port) {
        SshServer ssh = SshServer.setUpDefaultServer();
        ssh.setHost("127.0.0.1");
        ssh.setPort(port);
        ssh.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(DATA_DIR.resolve("ssh-host-key")));
        ssh.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        ssh.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        ssh.setFileSystemFactory(new VirtualFileSystemFactory(root));
        return ssh;
    }

    @Override
    int brokerPort() {
        return BROKER_PORT;
    }

    @Override
    int httpPort() {
        return HTTP_PORT;
    }

    @Override
    Path dropRoot() {
        return DATA_DIR.resolve("filedrop");
    }

    @Test
    void deliversWhatWaitedWhileTheSftpServerWasDownOnceItIsBack() throws Exception {
        String route = "supplier-filedrop-fault-report-deliver";
        ManagedRouteMBean stage = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class)
                .getManagedRoute(route);
        long failedBefore = stage.getExchangesFailed();
        int port = server.getPort();
        server.stop(true);
        String messageId = TestOrders.newMessageId();
        String hubReference;
        try {
            alingsas.send(faultReport(messageId));
            hubReference = alingsas.receipt(messageId).path("hubReference").asText();

            // Each attempt fails, is rolled back and comes back after the broker's back-off.
            await().atMost(Duration.ofSeconds(20)).until(() -> stage.getExchangesFailed() >= failedBefore + 2);
            assertThat(folder("outbox")).noneMatch(name -> name.contains(hubReference));
        } finally {
            server = sshServer(dropRoot(), port);
            server.start();
        }

        alingsas.awaitMessage(messageId, status("RECEIVED"));
        assertThat(simulatorAdmin("fault-reports/" + hubReference).path("receivedCount").asInt()).isEqualTo(1);
        EmbeddedBroker broker = hub.getBean(EmbeddedBroker.class);
        assertThat(broker.messageCount(Queues.DLQ_FAULT_REPORT_TO_SUPPLIER)).as("parked").isZero();
        assertThat(broker.messageCount(Queues.DLQ_BROKER)).as("parked by the broker").isZero();
    }

    @Test
    void passesOnAStatusFileWrittenTwiceOnce() throws Exception {
        String messageId = TestOrders.newMessageId();
        alingsas.send(returnOf(messageId, "IND-55555555"));
        String hubReference = alingsas.receipt(messageId).path("hubReference").asText();
        alingsas.awaitMessage(messageId, status("PICKED_UP"));
        Path received = processedStatusFile(hubReference, "<status>RECEIVED</status>");

        dropStatusFile("again-" + received.getFileName(), Files.readString(received, StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> folder("processed").contains("again-" + received.getFileName()));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> alingsas.receivedFor(messageId).stream().filter(status("RECEIVED")).count() == 1);
    }

    @Test
    void doesNotReadAStatusFileAgainAfterARestart() throws Exception {
        String messageId = TestOrders.newMessageId();
        alingsas.send(faultReport(messageId));
        String hubReference = alingsas.receipt(messageId).path("hubReference").asText();
        alingsas.awaitMessage(messageId, status("RESOLVED"));
        Path resolved = processedStatusFile(hubReference, "<status>RESOLVED</status>");
        camel.getRouteController().stopRoute(FileDropRoutes.STATUS_ROUTE);

        // As if the hub had died after passing the file on but before moving it: the same file is back.
        Files.copy(resolved, dropRoot().resolve("inbox").resolve(resolved.getFileName()),
                StandardCopyOption.COPY_ATTRIBUTES);
        camel.getRouteController().startRoute(FileDropRoutes.STATUS_ROUTE);
        awaitTwoMorePolls();

        assertThat(folder("inbox")).contains(resolved.getFileName().toString());
        assertThat(alingsas.receivedFor(messageId).stream().filter(status("RESOLVED")).count()).isEqualTo(1);
        assertThat(new JdbcTemplate(dataSource).queryForObject(
                "select count(*) from camel_messageprocessed where processorName = 'supplier-filedrop-status'"
                        + " and messageId like ?", Integer.class, resolved.getFileName() + "-%")).isEqualTo(1);
        Files.delete(dropRoot().resolve("inbox").resolve(resolved.getFileName()));
    }

    private static Predicate<JsonNode> status(String status) {
        return message -> status.equals(message.path("status").asText());
    }

    /** The status file about that reference, saying that, once the hub has read and moved it. */
    private Path processedStatusFile(String hubReference, String saying) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Stream<Path> files = Files.list(dropRoot().resolve("processed"))) {
                return files.filter(file -> file.getFileName().toString().contains(hubReference))
                        .filter(file -> read(file).contains(saying))
                        .findFirst().orElse(null);
            }
        }, file -> file != null);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitTwoMorePolls() {
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) camel.getRoute(FileDropRoutes.STATUS_ROUTE).getConsumer();
        long polls = consumer.getCounter();
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.getCounter() >= polls + 2);
    }
}
