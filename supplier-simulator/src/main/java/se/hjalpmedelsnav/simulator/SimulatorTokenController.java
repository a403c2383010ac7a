package se.hjalpmedelsnav.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated supplier's token endpoint (RFC 6749 section 4.4, client credentials grant). The
 * client authenticates with HTTP Basic or with {@code client_id}/{@code client_secret} form parameters.
 */
@RestController("simulatorTokenController")
@ConditionalOnSimulatorEnabled
public class SimulatorTokenController {

    private static final String BASIC = "Basic ";

    private final SimulatorAccessTokens tokens;
    private final SimulatedSupplier supplier;

    public SimulatorTokenController(SimulatorAccessTokens tokens, SimulatedSupplier supplier) {
        this.tokens = tokens;
        this.supplier = supplier;
    }

    @PostMapping(path = "/simulator/oauth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> token(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam MultiValueMap<String, String> form) {
        if (supplier.mode().mode() == SimulatorMode.DOWN) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Map.of("error", "temporarily_unavailable"));
        }
        if (!"client_credentials".equals(form.getFirst("grant_type"))) {
            return ResponseEntity.badRequest().body(Map.of("error", "unsupported_grant_type"));
        }
        String[] client = clientCredentials(authorization, form);
        return tokens.issue(client[0], client[1])
                .<ResponseEntity<Map<String, Object>>>map(token -> ResponseEntity.ok()
                        .cacheControl(CacheControl.noStore())
                        .body(Map.of("access_token", token.value(), "token_type", "Bearer",
                                "expires_in", token.expiresInSeconds())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"supplier-simulator\"")
                        .body(Map.of("error", "invalid_client")));
    }

    /** Client id and secret from the Basic header (form-encoded, then Base64) or else the form. */
    private static String[] clientCredentials(String authorization, MultiValueMap<String, String> form) {
        if (authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    return new String[] {formDecode(decoded.substring(0, colon)), formDecode(decoded.substring(colon + 1))};
                }
            } catch (IllegalArgumentException badHeader) {
                return new String[] {null, null};
            }
            return new String[] {null, null};
        }
        return new String[] {form.getFirst("client_id"), form.getFirst("client_secret")};
    }

    private static String formDecode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
