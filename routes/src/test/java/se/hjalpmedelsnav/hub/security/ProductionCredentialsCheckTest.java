package se.hjalpmedelsnav.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class ProductionCredentialsCheckTest {

    private static final String BCRYPT = "{bcrypt}$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z7V3X1fz6ZUmGZ6KuyF7p4lC";

    private static final String PSEUDONYM_SECRET = "k3J9-a-long-random-pseudonym-key-from-the-vault";

    private static MockEnvironment production() {
        return standaloneBroker(new MockEnvironment()
                .withProperty("nav.supplier.api.client-secret", "a-long-random-secret-from-the-vault")
                .withProperty("nav.loans.pseudonym-secret", PSEUDONYM_SECRET)
                .withProperty("nav.simulator.enabled", "false"));
    }

    /** The hub as a client of the production broker, logging in as hub with a real secret. */
    private static MockEnvironment standaloneBroker(MockEnvironment environment) {
        return environment.withProperty("nav.broker.embedded", "false")
                .withProperty("nav.broker.url", "tcp://broker.example:61617")
                .withProperty("nav.broker.password", "a-random-broker-secret-from-the-vault");
    }

    /** The prod profile with its own embedded broker: TLS only, municipality passwords from a file. */
    private static MockEnvironment embeddedBroker(Path credentials, Path keystore) {
        return new MockEnvironment()
                .withProperty("nav.supplier.api.client-secret", "a-long-random-secret-from-the-vault")
                .withProperty("nav.loans.pseudonym-secret", PSEUDONYM_SECRET)
                .withProperty("nav.simulator.enabled", "false")
                .withProperty("nav.broker.embedded", "true")
                .withProperty("nav.broker.password", "hub-secret-from-the-vault")
                .withProperty("nav.broker.security.admin-password", "admin-secret-from-the-vault")
                .withProperty("nav.broker.security.development-passwords", "false")
                .withProperty("nav.broker.security.credentials-file", credentials.toString())
                .withProperty("nav.broker.tls.enabled", "true")
                .withProperty("nav.broker.tls.plain-acceptor", "false")
                .withProperty("nav.broker.tls.keystore-path", keystore.toString())
                .withProperty("nav.broker.tls.keystore-password", "keystore-secret-from-the-vault");
    }

    @Test
    void startsWithItsOwnBrokerOnTlsWithTheMunicipalitiesPasswordsFromAFile(@TempDir Path dir) throws Exception {
        Path credentials = Files.writeString(dir.resolve("broker-users.properties"),
                "kommun-1480=Zq8-random-1480\nkommun-1481=Xy7-random-1481\n");
        Path keystore = Files.writeString(dir.resolve("broker.p12"), "stands in for a keystore");

        assertThat(ProductionCredentialsCheck.problems(users(BCRYPT), embeddedBroker(credentials, keystore))).isEmpty();
    }

    @Test
    void refusesDevelopmentBrokerPasswordsAndAnEmbeddedBrokerWithoutTlsNamingUsersNeverValues(@TempDir Path dir)
            throws Exception {
        Path credentials = Files.writeString(dir.resolve("broker-users.properties"),
                "kommun-1480=kommun-1480-dev\nkommun-1481=Xy7-random-1481\nkommun-1482=\n");
        var environment = embeddedBroker(credentials, dir.resolve("missing.p12"))
                .withProperty("nav.broker.password", "hub-dev")
                .withProperty("nav.broker.security.admin-password", "admin-dev")
                .withProperty("nav.broker.security.development-passwords", "true")
                .withProperty("nav.broker.tls.plain-acceptor", "true")
                .withProperty("nav.broker.host", "0.0.0.0");

        List<String> problems = ProductionCredentialsCheck.problems(users(BCRYPT), environment);

        assertThat(problems).containsExactly(
                "nav.broker.password (broker user hub): a development password",
                "nav.broker.security.admin-password (broker user admin): a development password",
                "nav.broker.security.development-passwords: the municipalities' development passwords must be off"
                        + " in production",
                "nav.broker.security.credentials-file: kommun-1480 has a development password",
                "nav.broker.security.credentials-file: kommun-1482 has an empty password",
                "nav.broker.tls.keystore-path: not set or not readable",
                "nav.broker.tls.plain-acceptor: a plain (unencrypted) acceptor may only listen on the loopback"
                        + " interface (nav.broker.host)");
        assertThat(String.join("\n", problems)).doesNotContain("kommun-1480-dev", "hub-dev", "admin-dev", "Xy7");
    }

    @Test
    void refusesAnEmbeddedBrokerWithoutTlsOrCredentialsFileAndAStandaloneOneReachedInVm() {
        var embedded = new MockEnvironment()
                .withProperty("nav.supplier.api.client-secret", "a-long-random-secret-from-the-vault")
                .withProperty("nav.loans.pseudonym-secret", PSEUDONYM_SECRET)
                .withProperty("nav.broker.embedded", "true");

        assertThat(ProductionCredentialsCheck.problems(users(BCRYPT), embedded)).containsExactly(
                "nav.broker.password (broker user hub): empty",
                "nav.broker.security.admin-password (broker user admin): empty",
                "nav.broker.security.credentials-file: not set, so no municipality could log in",
                "nav.broker.tls.enabled: the embedded broker must take clients over TLS in production");
        assertThat(ProductionCredentialsCheck.problems(users(BCRYPT), production()
                .withProperty("nav.broker.url", "vm://0")))
                .containsExactly("nav.broker.url: an in-VM URL needs the embedded broker; name the production broker");
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
        var environment = standaloneBroker(new MockEnvironment())
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
        var environment = standaloneBroker(new MockEnvironment()).withProperty("nav.simulator.enabled", "false")
                .withProperty("nav.loans.pseudonym-secret", PSEUDONYM_SECRET);

        assertThat(ProductionCredentialsCheck.problems(users("{bcrypt}viewer-dev"), environment))
                .containsExactly("nav.security.users[0].password (user user0): a development password",
                        "nav.supplier.api.client-secret: empty");
    }

    @Test
    void refusesALoanPseudonymSecretThatIsMissingOfTheEmbeddedDefaultOrShortNamingItButNoValue() {
        for (String secret : List.of("", "dev-pseudonym-secret-not-for-production", "short-but-random-9f3k")) {
            var environment = production().withProperty("nav.loans.pseudonym-secret", secret);

            assertThat(ProductionCredentialsCheck.problems(users(BCRYPT), environment)).singleElement()
                    .satisfies(problem -> {
                        assertThat(problem).startsWith("nav.loans.pseudonym-secret (NAV_LOANS_PSEUDONYM_SECRET): ");
                        assertThat(secret.isEmpty() || !problem.contains(secret)).as("quotes the secret").isTrue();
                    });
        }
    }

    @Test
    void refusesToRunWithoutUsers() {
        assertThat(ProductionCredentialsCheck.problems(new HubUsers(List.of()), production()))
                .containsExactly("nav.security.users: no users configured");
    }
}
