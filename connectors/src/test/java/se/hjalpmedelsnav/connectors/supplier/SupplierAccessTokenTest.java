package se.hjalpmedelsnav.connectors.supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.client.ClientAuthorizationException;

@ExtendWith(OutputCaptureExtension.class)
class SupplierAccessTokenTest {

    private static final String TOKEN_PATH = "/oauth/token";
    private static final String CLIENT_ID = "hjalpmedelsnav";
    private static final String CLIENT_SECRET = "s3cret-that-must-never-be-logged";

    @RegisterExtension
    static WireMockExtension authServer = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final MovableClock clock = new MovableClock(Instant.now());

    private SupplierAccessToken accessToken(String secret) {
        SupplierApiProperties properties = new SupplierApiProperties(URI.create(authServer.baseUrl() + "/api"),
                URI.create(authServer.baseUrl() + TOKEN_PATH), CLIENT_ID, secret, Duration.ofSeconds(2),
                Duration.ofSeconds(5));
        return new SupplierAccessToken(properties, clock);
    }

    private static void tokenEndpointIssues(String... tokens) {
        String state = Scenario.STARTED;
        for (int i = 0; i < tokens.length; i++) {
            String next = "issued-" + (i + 1);
            authServer.stubFor(post(TOKEN_PATH).inScenario("tokens").whenScenarioStateIs(state)
                    .withBasicAuth(CLIENT_ID, CLIENT_SECRET)
                    .withRequestBody(containing("grant_type=client_credentials"))
                    .willReturn(okJson("{\"access_token\":\"" + tokens[i] + "\",\"token_type\":\"Bearer\",\"expires_in\":300}"))
                    .willSetStateTo(next));
            state = next;
        }
    }

    private static int tokenRequests() {
        return authServer.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).size();
    }

    @Test
    void fetchesOneTokenForManyCalls() {
        tokenEndpointIssues("token-1", "token-2");
        SupplierAccessToken accessToken = accessToken(CLIENT_SECRET);

        IntStream.range(0, 25).forEach(call -> assertThat(accessToken.bearerToken()).isEqualTo("token-1"));

        assertThat(tokenRequests()).isEqualTo(1);
    }

    @Test
    void fetchesANewTokenShortlyBeforeTheOldExpires() {
        tokenEndpointIssues("token-1", "token-2");
        SupplierAccessToken accessToken = accessToken(CLIENT_SECRET);
        assertThat(accessToken.bearerToken()).isEqualTo("token-1");

        clock.advance(Duration.ofSeconds(200));
        assertThat(accessToken.bearerToken()).as("well before expiry").isEqualTo("token-1");

        clock.advance(Duration.ofSeconds(50));
        assertThat(accessToken.bearerToken()).as("within a minute of expiry").isEqualTo("token-2");
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void fetchesANewTokenOnceTheCachedOneIsInvalidated() {
        tokenEndpointIssues("token-1", "token-2");
        SupplierAccessToken accessToken = accessToken(CLIENT_SECRET);
        assertThat(accessToken.bearerToken()).isEqualTo("token-1");

        accessToken.invalidate();

        assertThat(accessToken.bearerToken()).isEqualTo("token-2");
    }

    @Test
    void aRefusedTokenIsFetchedAgainButAnyOtherRefusalKeepsIt() {
        tokenEndpointIssues("token-1", "token-2");
        SupplierAccessToken accessToken = accessToken(CLIENT_SECRET);
        assertThat(accessToken.authorization()).isEqualTo("Bearer token-1");

        accessToken.refusedWith(503);
        accessToken.refusedWith(429);
        assertThat(accessToken.authorization()).as("not a token problem").isEqualTo("Bearer token-1");

        accessToken.refusedWith(401);
        assertThat(accessToken.authorization()).isEqualTo("Bearer token-2");
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void failsWithoutQuotingTheSecretWhenTheClientIsRefused() {
        authServer.stubFor(post(TOKEN_PATH).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_client\"}")));
        String wrongSecret = "wrong-secret-also-never-logged";

        assertThatThrownBy(() -> accessToken(wrongSecret).bearerToken())
                .isInstanceOf(ClientAuthorizationException.class)
                .hasMessageContaining("invalid_client")
                .hasMessageNotContaining(wrongSecret);
    }

    @Test
    void keepsTheSecretOutOfToStringAndLogs(CapturedOutput output) {
        tokenEndpointIssues("token-1");
        Logger spring = (Logger) LoggerFactory.getLogger("org.springframework");
        Level before = spring.getLevel();
        spring.setLevel(Level.TRACE);
        try {
            SupplierAccessToken accessToken = accessToken(CLIENT_SECRET);
            accessToken.bearerToken();

            String basicCredentials = Base64.getEncoder()
                    .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
            assertThat(output.getAll()).as("debug log of the token request").contains("grant_type")
                    .doesNotContain(CLIENT_SECRET, basicCredentials);
            assertThat(accessToken.toString()).contains(CLIENT_ID).doesNotContain(CLIENT_SECRET);
            assertThat(new SupplierApiProperties(URI.create("https://supplier.example/api"), URI.create(
                    "https://supplier.example/token"), CLIENT_ID, CLIENT_SECRET, null, null).toString())
                    .doesNotContain(CLIENT_SECRET);
        } finally {
            spring.setLevel(before);
        }
    }

    @Test
    void refusesToStartWithoutTheSupplierApisAddressOrCredentials() {
        assertThatThrownBy(() -> new SupplierApiProperties(URI.create("https://supplier.example/api"),
                URI.create("https://supplier.example/token"), CLIENT_ID, " ", null, null))
                .hasMessage("nav.supplier.api.client-secret must be set");
        assertThatThrownBy(() -> new SupplierApiProperties(null, URI.create("https://supplier.example/token"),
                CLIENT_ID, CLIENT_SECRET, null, null)).hasMessage("nav.supplier.api.url must be set");
    }

    /** A clock the test moves forward, to pass a token's expiry without waiting for it. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
