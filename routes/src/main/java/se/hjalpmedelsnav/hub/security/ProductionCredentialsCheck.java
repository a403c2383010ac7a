package se.hjalpmedelsnav.hub.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In the {@code prod} profile the hub refuses to start with the embedded default's development
 * credentials, empty or plain-text passwords, or the supplier simulator switched on. The refusal
 * names each offending property, never its value.
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
        if (environment.getProperty("nav.simulator.enabled", Boolean.class, false)) {
            problems.add("nav.simulator.enabled: the supplier simulator must be off in production");
        }
        return problems;
    }

    private static boolean isDevelopmentValue(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return DEVELOPMENT_MARKERS.stream().anyMatch(lower::contains);
    }
}
