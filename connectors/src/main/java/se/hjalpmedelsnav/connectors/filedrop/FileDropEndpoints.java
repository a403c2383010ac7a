package se.hjalpmedelsnav.connectors.filedrop;

import static org.apache.camel.builder.endpoint.StaticEndpointBuilders.file;

import java.nio.file.Path;
import org.apache.camel.builder.EndpointConsumerBuilder;
import org.apache.camel.builder.EndpointProducerBuilder;
import org.apache.camel.builder.endpoint.dsl.FileEndpointBuilderFactory.FileEndpointBuilder;
import org.apache.camel.builder.endpoint.dsl.SftpEndpointBuilderFactory.SftpEndpointBuilder;
import se.hjalpmedelsnav.connectors.sftp.SftpAccount;
import se.hjalpmedelsnav.connectors.filedrop.FileDropProperties.Mode;

/**
 * The Camel endpoints of the supplier file drop, over SFTP or on a local folder as configured.
 * Secrets never enter an endpoint URI: the SFTP password and key passphrase are taken from the
 * Camel properties ({@value #PASSWORD_PROPERTY}, {@value #PASSPHRASE_PROPERTY}) when the endpoint is created.
 */
public class FileDropEndpoints {

    /** The Camel (in the hub: Spring) property the SFTP password is read from. */
    public static final String PASSWORD_PROPERTY = "nav.filedrop.sftp.password";
    /** The Camel (in the hub: Spring) property the private key's passphrase is read from. */
    public static final String PASSPHRASE_PROPERTY = "nav.filedrop.sftp.private-key-passphrase";

    /** The supplier must never see a half-written file under its final name. */
    static final String TEMPORARY_NAME = "${file:onlyname}.part";
    /** Size and time in the key let a new file under an old name through, but not the same file again. */
    static final String STATUS_FILE_KEY = "${file:onlyname}-${file:size}-${file:modified}";

    private final FileDropProperties properties;

    public FileDropEndpoints(FileDropProperties properties) {
        this.properties = properties;
    }

    /**
     * Where the hub writes a message for the supplier; the file name comes from the {@code CamelFileName}
     * header. The file is written under a temporary name and renamed when complete. The hub names a file
     * after the message's hub reference, so a message written again (a redelivery after a crash between
     * writing and acknowledging) replaces its own earlier file instead of making a second one.
     */
    public EndpointProducerBuilder toSupplier() {
        return properties.mode() == Mode.SFTP
                ? sftpFolder(properties.outbox()).tempFileName(TEMPORARY_NAME).fileExist("Override")
                : localFolder(properties.outbox()).tempFileName(TEMPORARY_NAME).fileExist("Override");
    }

    /**
     * The error folder, for the note the hub leaves beside a status file it could not read
     * ({@code <file>.reason.txt}, named by the {@code CamelFileName} header).
     */
    public EndpointProducerBuilder errorNotes() {
        return properties.mode() == Mode.SFTP
                ? sftpFolder(properties.error()).tempFileName(TEMPORARY_NAME).fileExist("Override")
                : localFolder(properties.error()).tempFileName(TEMPORARY_NAME).fileExist("Override");
    }

    /**
     * The supplier's status files, each delivered once even across restarts: a file is read once it has
     * stopped changing, oldest first, moved to the processed folder when the route completes and to the error
     * folder when the route fails on it. Files still being written ({@code .part}) and hidden files are left
     * alone.
     *
     * @param idempotentRepository name of the {@code IdempotentRepository} bean remembering the files read
     */
    public EndpointConsumerBuilder fromSupplier(String idempotentRepository) {
        String processed = moveTarget(properties.processed());
        String error = moveTarget(properties.error());
        long checkInterval = properties.readLockCheckInterval().toMillis();
        long delay = properties.pollDelay().toMillis();
        String repository = "#" + idempotentRepository;
        if (properties.mode() == Mode.SFTP) {
            return sftpFolder(properties.inbox())
                    .antExclude("*.part").sortBy("file:modified")
                    .readLock("changed").readLockCheckInterval(checkInterval).readLockTimeout(checkInterval * 10)
                    .idempotent(true).idempotentRepository(repository).idempotentKey(STATUS_FILE_KEY)
                    .move(processed).moveFailed(error)
                    .delay(delay);
        }
        return localFolder(properties.inbox())
                .antExclude("*.part").sortBy("file:modified")
                .readLock("changed").readLockCheckInterval(checkInterval).readLockTimeout(checkInterval * 10)
                .idempotent(true).idempotentRepository(repository).idempotentKey(STATUS_FILE_KEY)
                .move(processed).moveFailed(error)
                .delay(delay);
    }

    /** Camel moves a consumed file relative to the folder it was read from. */
    private String moveTarget(String folder) {
        Path relative = Path.of(properties.inbox()).relativize(Path.of(folder));
        return relative.toString().replace('\\', '/') + "/${file:onlyname}";
    }

    private FileEndpointBuilder localFolder(String folder) {
        return file(properties.directory().resolve(folder).toAbsolutePath().normalize().toString());
    }

    private SftpEndpointBuilder sftpFolder(String folder) {
        FileDropProperties.Sftp sftp = properties.sftp();
        return new SftpAccount(sftp.host(), sftp.port(), sftp.username(), sftp.knownHostsFile(), sftp.privateKeyFile(),
                sftp.hasPassword() ? PASSWORD_PROPERTY : null, sftp.hasPrivateKeyPassphrase() ? PASSPHRASE_PROPERTY : null,
                sftp.connectTimeout()).folder(folder);
    }
}
