package se.hjalpmedelsnav.broker;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The passwords of the broker's municipality users. In production they come from a properties file
 * ({@code kommun-1480=…}, one line per municipality) named by {@code nav.broker.security.credentials-file}
 * (environment {@code NAV_BROKER_CREDENTIALS_FILE}), kept outside the repository and readable by the hub
 * only. The embedded default derives a documented development password instead:
 * {@code kommun-<code>-dev}.
 */
public final class BrokerCredentials {

    private final Properties file;
    private final boolean developmentPasswords;

    private BrokerCredentials(Properties file, boolean developmentPasswords) {
        this.file = file;
        this.developmentPasswords = developmentPasswords;
    }

    /** Reads the credentials file now (it is read again on every registry reload, so a new line needs no restart). */
    public static BrokerCredentials read(String credentialsFile, boolean developmentPasswords) {
        return new BrokerCredentials(readFile(credentialsFile), developmentPasswords);
    }

    /** The development password of a broker user of the embedded default. Never valid in production. */
    public static String developmentPassword(String user) {
        return user + "-dev";
    }

    /** The password of {@code kommun-<code>}, or null when it has none (it then cannot log in). */
    public String kommunPassword(String kommunCode) {
        String user = BrokerAccess.kommunUser(kommunCode);
        String password = file.getProperty(user);
        if (password != null && !password.isBlank()) {
            return password;
        }
        return developmentPasswords ? developmentPassword(user) : null;
    }

    /** The users the file names, for the production check (never their passwords). */
    public Properties entries() {
        return file;
    }

    static Properties readFile(String path) {
        var properties = new Properties();
        if (path == null || path.isBlank()) {
            return properties;
        }
        try (Reader reader = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the broker credentials file named by "
                    + "nav.broker.security.credentials-file: " + path, e);
        }
    }
}
