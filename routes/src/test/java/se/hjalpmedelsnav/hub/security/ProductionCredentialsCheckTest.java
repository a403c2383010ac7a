package se.hjalpmedelsnav.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionCredentialsCheckTest {

    private static final String BCRYPT = "{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z7V3X1fz6ZUmGZ6KuyF7p4lC";

    private static MockEnvironment production() {
        return new MockEnvironment()
                .withProperty("nav.supplier.api.client-secret", "a-long-random-secret-from-the-vault")
                .withProperty("nav.simulator.enabled", "false");
    }

    private static HubUsers users(String... passwords) {
        var list = new java.util.ArrayList<HubUsers.User>();
        for (int i = 0; i < passwords.length; i++) {
            list.add(new HubUsers.User("user" + i, passwords[i], List.of("ADMIN")));
        }
        return new HubUsers(list);
    }

    @Test
    void startsWithEncodedPasswordsARealSecretAndNoSimulator() {
        assertThat(ProductionCredentialsCheck.problems(users(BCRYPT), production())).isEmpty();
    }

    @Test
    void refusesTheEmbeddedDefaultsDevelopmentSettingsNamingEachPropertyButNoValue() {
        var environment = new MockEnvironment()
                .withProperty("nav.supplier.api.client-secret", "dev-secret-not-for-production")
                .withProperty("nav.simulator.enabled", "true");

        assertThatThrownBy(() -> new ProductionCredentialsCheck(users("{noop}admin-dev", ""), environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nav.security.users[0].password (user user0): stored in plain text")
                .hasMessageContaining("nav.security.users[1].password (user user1): empty")
                .hasMessageContaining("nav.supplier.api.client-secret: a development secret")
                .hasMessageContaining("nav.simulator.enabled")
                .hasMessageNotContaining("admin-dev")
                .hasMessageNotContaining("dev-secret-not-for-production");
    }

    @Test
    void refusesAnEncodedDevelopmentPasswordAndAnEmptyClientSecret() {
        var environment = new MockEnvironment().withProperty("nav.simulator.enabled", "false");

        assertThat(ProductionCredentialsCheck.problems(users("{bcrypt}viewer-dev"), environment))
                .containsExactly("nav.security.users[0].password (user user0): a development password",
                        "nav.supplier.api.client-secret: empty");
    }

    @Test
    void refusesToRunWithoutUsers() {
        assertThat(ProductionCredentialsCheck.problems(new HubUsers(List.of()), production()))
                .containsExactly("nav.security.users: no users configured");
    }
}
