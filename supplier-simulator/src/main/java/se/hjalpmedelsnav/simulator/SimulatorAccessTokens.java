package se.hjalpmedelsnav.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The simulated supplier's authorization server: issues opaque bearer tokens and checks them. */
@Component("simulatorAccessTokens")
@ConditionalOnSimulatorEnabled
public class SimulatorAccessTokens {

    /** An access token and how many seconds it is valid. */
    public record IssuedToken(String value, long expiresInSeconds) {

        @Override
        public String toString() {
            return "IssuedToken[expiresInSeconds=" + expiresInSeconds + "]";
        }
    }

    private final SupplierSimulatorProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> validUntil = new ConcurrentHashMap<>();

    public SimulatorAccessTokens(SupplierSimulatorProperties properties) {
        this.properties = properties;
    }

    /** A new token for the configured client, or empty when the credentials are not its. */
    public Optional<IssuedToken> issue(String clientId, String clientSecret) {
        if (!same(properties.clientId(), clientId) || !same(properties.clientSecret(), clientSecret)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        validUntil.values().removeIf(until -> until.isBefore(now));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        validUntil.put(token, now.plus(properties.tokenValidity()));
        return Optional.of(new IssuedToken(token, properties.tokenValidity().toSeconds()));
    }

    public boolean isValid(String token) {
        if (token == null) {
            return false;
        }
        Instant until = validUntil.get(token);
        return until != null && clock.instant().isBefore(until);
    }

    /** Constant-time comparison, so the answer time does not tell how much of a secret was right. */
    private static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
