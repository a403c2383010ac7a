package se.hjalpmedelsnav.hub.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.broker.BrokerCredentials;

/**
 * In the {@code prod} profile the hub refuses to start with the embedded default's development
 * credentials (console users, supplier client secret, broker users), empty or plain-text passwords,
 * the supplier simulator switched on, or an embedded broker without TLS and a credentials file. The
 * refusal names each offending property (and broker user), never its value.
 */
@Component
@Profile("prod")
public class ProductionCredentialsCheck {

    /** Passwords of the embedded default and the simulator; none of them may reach production. */
    private static final List<String> DEVELOPMENT_MARKERS = List.of("-dev", "not-for-production", "changeme");

    public ProductionCredentialsCheck(HubUsers users, Environment environment) {
        List<String> problems = problems(users, environment);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses to start:\n  - " + String.join("\n  - ", problems));
        }
    }

    static List<String> problems(HubUsers users, Environment environment) {
        var problems = new ArrayList<String>();
        if (users.users().isEmpty()) {
            problems.add("nav.security.users: no users configured");
        }
        for (int i = 0; i < users.users().size(); i++) {
            HubUsers.User user = users.users().get(i);
            String property = "nav.security.users[" + i + "].password (user " + user.username() + ")";
            String password = user.password() == null ? "" : user.password();
            if (password.isBlank() || password.replaceFirst("^\\{[^}]*}", "").isBlank()) {
                problems.add(property + ": empty");
            } else if (password.startsWith("{noop}")) {
                problems.add(property + ": stored in plain text ({noop}); use an encoded password such as {bcrypt}");
            } else if (isDevelopmentValue(password)) {
                problems.add(property + ": a development password");
            }
        }
        String clientSecret = environment.getProperty("nav.supplier.api.client-secret", "");
        if (clientSecret.isBlank()) {
            problems.add("nav.supplier.api.client-secret: empty");
        } else if (isDevelopmentValue(clientSecret)) {
            problems.add("nav.supplier.api.client-secret: a development secret");
        }
        String pseudonymSecret = environment.getProperty("nav.loans.pseudonym-secret", "");
        if (pseudonymSecret.isBlank()) {
            problems.add("nav.loans.pseudonym-secret (NAV_LOANS_PSEUDONYM_SECRET): empty");
        } else if (isDevelopmentValue(pseudonymSecret) || pseudonymSecret.length() < 32) {
            problems.add("nav.loans.pseudonym-secret (NAV_LOANS_PSEUDONYM_SECRET): a development secret or shorter "
                    + "than 32 characters");
        }
        if (environment.getProperty("nav.simulator.enabled", Boolean.class, false)) {
            problems.add("nav.simulator.enabled: the supplier simulator must be off in production");
        }
        brokerProblems(environment, problems);
        return problems;
    }

    /**
     * The hub's own broker password always; with the embedded broker also its admin password, the
     * municipalities' credentials file (each entry named by its user, never its value) and TLS.
     */
    private static void brokerProblems(Environment environment, List<String> problems) {
        secret(environment, "nav.broker.password", "broker user " + environment.getProperty("nav.broker.user", "hub"),
                problems);
        boolean embedded = environment.getProperty("nav.broker.embedded", Boolean.class, true);
        if (!embedded) {
            if (environment.getProperty("nav.broker.url", "").startsWith("vm://")) {
                problems.add("nav.broker.url: an in-VM URL needs the embedded broker; name the production broker");
            }
            return; // a standalone broker keeps its users and TLS in its own configuration
        }
        secret(environment, "nav.broker.security.admin-password", "broker user "
                + environment.getProperty("nav.broker.security.admin-user", "admin"), problems);
        if (environment.getProperty("nav.broker.security.development-passwords", Boolean.class, false)) {
            problems.add("nav.broker.security.development-passwords: the municipalities' development passwords"
                    + " must be off in production");
        }
        String file = environment.getProperty("nav.broker.security.credentials-file", "");
        if (file.isBlank()) {
            problems.add("nav.broker.security.credentials-file: not set, so no municipality could log in");
        } else {
            try {
                var entries = BrokerCredentials.read(file, false).entries();
                for (String user : new java.util.TreeSet<>(entries.stringPropertyNames())) {
                    String password = entries.getProperty(user);
                    if (password.isBlank()) {
                        problems.add("nav.broker.security.credentials-file: " + user + " has an empty password");
                    } else if (isDevelopmentValue(password)) {
                        problems.add("nav.broker.security.credentials-file: " + user + " has a development password");
                    }
                }
            } catch (java.io.UncheckedIOException e) {
                problems.add("nav.broker.security.credentials-file: cannot be read");
            }
        }
        if (!environment.getProperty("nav.broker.tls.enabled", Boolean.class, false)) {
            problems.add("nav.broker.tls.enabled: the embedded broker must take clients over TLS in production");
        } else {
            String keystore = environment.getProperty("nav.broker.tls.keystore-path", "");
            if (keystore.isBlank() || !java.nio.file.Files.isReadable(java.nio.file.Path.of(keystore))) {
                problems.add("nav.broker.tls.keystore-path: not set or not readable");
            }
            secret(environment, "nav.broker.tls.keystore-password", "TLS keystore", problems);
        }
        if (environment.getProperty("nav.broker.tls.plain-acceptor", Boolean.class, true)
                && !List.of("127.0.0.1", "localhost", "::1").contains(environment.getProperty("nav.broker.host", "127.0.0.1"))) {
            problems.add("nav.broker.tls.plain-acceptor: a plain (unencrypted) acceptor may only listen on the"
                    + " loopback interface (nav.broker.host)");
        }
    }

    private static void secret(Environment environment, String property, String what, List<String> problems) {
        String value = environment.getProperty(property, "");
        if (value.isBlank()) {
            problems.add(property + " (" + what + "): empty");
        } else if (isDevelopmentValue(value)) {
            problems.add(property + " (" + what + "): a development password");
        }
    }

    private static boolean isDevelopmentValue(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return DEVELOPMENT_MARKERS.stream().anyMatch(lower::contains);
    }
}
