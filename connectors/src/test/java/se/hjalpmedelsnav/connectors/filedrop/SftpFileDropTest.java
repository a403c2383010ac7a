package se.hjalpmedelsnav.connectors.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.hjalpmedelsnav.connectors.filedrop.FileDropProperties.Mode;
import se.hjalpmedelsnav.connectors.filedrop.FileDropProperties.Sftp;

/** The file drop against a real SSH server (Apache MINA SSHD) with password login and a checked host key. */
class SftpFileDropTest extends FileDropContract {

    private static final String USER = "hub";
    private static final String PASSWORD = "s3cret+pass&word=1";

    private final List<String> written = new CopyOnWriteArrayList<>();
    private final List<String> renamed = new CopyOnWriteArrayList<>();
    private SshServer server;
    private Path root;
    private Path knownHosts;

    @BeforeEach
    void startServer() throws IOException {
        root = Files.createDirectories(work.resolve("sftp-root"));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.addSftpEventListener(new OutboxJournal());
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(work.resolve("host-key")));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setSubsystemFactories(List.of(sftp));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.start();
        knownHosts = knownHostsWith(hostKey());
    }

    @AfterEach
    void stopServer() throws IOException {
        stopContexts(); // before the server, so no poll runs into a closed connection
        server.stop(true);
    }

    @Override
    FileDropProperties properties() {
        return sftpProperties(knownHosts);
    }

    private FileDropProperties sftpProperties(Path knownHostsFile) {
        Sftp sftp = new Sftp("127.0.0.1", server.getPort(), USER, PASSWORD, null, null, knownHostsFile,
                java.time.Duration.ofSeconds(5));
        return new FileDropProperties(Mode.SFTP, null, sftp, "outbox", "inbox", "processed", "error", QUICK, QUICK);
    }

    @Override
    void prepare(CamelContext camel) {
        camel.getPropertiesComponent().addInitialProperty(FileDropEndpoints.PASSWORD_PROPERTY, PASSWORD);
    }

    @Override
    Path dropRoot() {
        return root;
    }

    @Override
    List<String> namesWrittenInOutbox() {
        return written;
    }

    @Override
    void assertAppearedOnlyComplete(String temporaryName, String finalName, long length) {
        assertThat(renamed).containsExactly(temporaryName + " -> " + finalName + " at " + length + " bytes");
    }

    @Test
    void keepsThePasswordOutOfEndpointUrisAndToString() {
        CamelContext camel = start(memoryRepository(), statusRoute());
        camel.createProducerTemplate().sendBodyAndHeader(endpoints().toSupplier().resolve(camel), "<order/>",
                Exchange.FILE_NAME, "order-3.xml");

        assertThat(camel.getEndpoints()).extracting(Endpoint::getEndpointUri)
                .anySatisfy(uri -> assertThat(uri).startsWith("sftp:"))
                .allSatisfy(uri -> assertThat(uri).doesNotContain(PASSWORD));
        assertThat(endpoints().toSupplier().getRawUri()).doesNotContain(PASSWORD);
        assertThat(endpoints().fromSupplier(REPOSITORY).getRawUri()).doesNotContain(PASSWORD);
        assertThat(properties().toString()).doesNotContain(PASSWORD).contains("password=[redacted]");
    }

    @Test
    void refusesAServerWhoseHostKeyIsNotTheKnownOne() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(hostKey().getAlgorithm());
        Path otherKnownHosts = knownHostsWith(generator.generateKeyPair().getPublic());
        FileDropEndpoints strangerCheckingEndpoints = new FileDropEndpoints(sftpProperties(otherKnownHosts));
        CamelContext camel = start(memoryRepository());

        assertThatThrownBy(() -> camel.createProducerTemplate().sendBodyAndHeader(
                strangerCheckingEndpoints.toSupplier().resolve(camel), "<order/>", Exchange.FILE_NAME, "order-4.xml"))
                .isInstanceOf(CamelExecutionException.class)
                .rootCause().hasMessageContaining("HostKey");
        assertThat(folder("outbox")).isEmpty();
    }

    private PublicKey hostKey() {
        try {
            KeyPair pair = server.getKeyPairProvider().loadKeys(null).iterator().next();
            return pair.getPublic();
        } catch (Exception e) {
            throw new IllegalStateException("the test server has no host key", e);
        }
    }

    private Path knownHostsWith(PublicKey key) throws IOException {
        Path file = Files.createTempFile(work, "known_hosts", "");
        return Files.writeString(file, "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(key) + "\n");
    }

    /** Records, as the server sees them, which outbox files are written and how files are renamed. */
    private final class OutboxJournal implements SftpEventListener {
        @Override
        public void writing(ServerSession session, String remoteHandle, FileHandle localHandle, long offset,
                byte[] data, int dataOffset, int dataLen) {
            written.add(localHandle.getFile().getFileName().toString());
        }

        @Override
        public void moving(ServerSession session, Path srcPath, Path dstPath, Collection<CopyOption> opts)
                throws IOException {
            renamed.add(srcPath.getFileName() + " -> " + dstPath.getFileName() + " at " + Files.size(srcPath)
                    + " bytes");
        }
    }
}
