package se.hjalpmedelsnav.connectors.filedrop;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the supplier file drop lives. The folders are relative to {@link #directory} in LOCAL mode and to
 * the SFTP user's login folder in SFTP mode (absolute remote paths work too).
 *
 * @param mode                  LOCAL (a folder on this machine, the embedded default) or SFTP (production)
 * @param directory             root of the local file drop, used in LOCAL mode
 * @param sftp                  the supplier's SFTP server, used in SFTP mode
 * @param outbox                folder the hub writes to, one file per message for the supplier
 * @param inbox                 folder the supplier writes its status files to
 * @param processed             folder a status file is moved to once the hub has handled it
 * @param error                 folder a status file is moved to when the hub failed on it
 * @param pollDelay             time between two looks into the inbox
 * @param readLockCheckInterval time a status file must stay unchanged before the hub reads it
 */
@ConfigurationProperties("nav.filedrop")
public record FileDropProperties(
        @DefaultValue("LOCAL") Mode mode,
        @DefaultValue("./data/filedrop") Path directory,
        @DefaultValue Sftp sftp,
        @DefaultValue("outbox") String outbox,
        @DefaultValue("inbox") String inbox,
        @DefaultValue("processed") String processed,
        @DefaultValue("error") String error,
        @DefaultValue("5s") Duration pollDelay,
        @DefaultValue("1s") Duration readLockCheckInterval) {

    public enum Mode { LOCAL, SFTP }

    public FileDropProperties {
        require(mode != null, "mode");
        require(isPositive(pollDelay), "pollDelay");
        require(isPositive(readLockCheckInterval), "readLockCheckInterval");
        for (String[] folder : new String[][] {{"outbox", outbox}, {"inbox", inbox}, {"processed", processed},
                {"error", error}}) {
            require(folder[1] != null && !folder[1].isBlank(), folder[0]);
        }
        // Status files are moved relative to the inbox, which needs both paths of the same kind.
        require(Path.of(processed).isAbsolute() == Path.of(inbox).isAbsolute(), "processed");
        require(Path.of(error).isAbsolute() == Path.of(inbox).isAbsolute(), "error");
        if (mode == Mode.LOCAL) {
            require(directory != null, "directory");
        } else {
            require(sftp != null, "sftp");
            sftp.requireComplete();
        }
    }

    /**
     * The supplier's SFTP server. Host keys are always checked strictly against {@code knownHostsFile}.
     *
     * @param host                 the server's host name
     * @param port                 the server's port
     * @param username             the hub's user on the server
     * @param password             the user's password; or leave it out and give a private key
     * @param privateKeyFile       the user's private key, instead of a password
     * @param privateKeyPassphrase the private key's passphrase, if it has one
     * @param knownHostsFile       OpenSSH known_hosts file holding the server's host key
     * @param connectTimeout       time allowed to open the connection
     */
    public record Sftp(
            String host,
            @DefaultValue("22") int port,
            String username,
            String password,
            Path privateKeyFile,
            String privateKeyPassphrase,
            Path knownHostsFile,
            @DefaultValue("10s") Duration connectTimeout) {

        void requireComplete() {
            require(host != null && !host.isBlank(), "sftp.host");
            require(port > 0 && port < 65536, "sftp.port");
            require(username != null && !username.isBlank(), "sftp.username");
            require(hasPassword() || privateKeyFile != null, "sftp.password or sftp.privateKeyFile");
            require(knownHostsFile != null, "sftp.knownHostsFile");
            require(isPositive(connectTimeout), "sftp.connectTimeout");
        }

        boolean hasPassword() {
            return password != null && !password.isEmpty();
        }

        boolean hasPrivateKeyPassphrase() {
            return privateKeyPassphrase != null && !privateKeyPassphrase.isEmpty();
        }

        @Override
        public String toString() {
            return "Sftp[host=" + host + ", port=" + port + ", username=" + username
                    + ", password=" + (hasPassword() ? "[redacted]" : "[none]")
                    + ", privateKeyFile=" + privateKeyFile
                    + ", privateKeyPassphrase=" + (hasPrivateKeyPassphrase() ? "[redacted]" : "[none]")
                    + ", knownHostsFile=" + knownHostsFile + ", connectTimeout=" + connectTimeout + "]";
        }
    }

    private static boolean isPositive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    private static void require(boolean condition, String field) {
        if (!condition) {
            throw new IllegalArgumentException("nav.filedrop." + field + " is missing or invalid");
        }
    }
}
