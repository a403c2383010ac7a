package se.hjalpmedelsnav.hub.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may use the console, the admin API and the supplier webhook. Passwords carry their encoding
 * prefix ({@code {bcrypt}…}; {@code {noop}} only for the embedded default's documented development
 * users).
 */
@ConfigurationProperties("nav.security")
public record HubUsers(List<User> users) {

    public HubUsers {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** @param roles ADMIN (change, replay), VIEWER (look), SUPPLIER (post events to the webhook) */
    public record User(String username, String password, List<String> roles) {

        @Override
        public String toString() {
            return "User[" + username + ", roles=" + roles + "]";
        }
    }
}
