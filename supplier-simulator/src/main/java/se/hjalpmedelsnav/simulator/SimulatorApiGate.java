package se.hjalpmedelsnav.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.connectors.supplier.SupplierApiSchema;
import se.hjalpmedelsnav.mappings.supplier.SupplierProblem;

/**
 * What every operation of the simulated supplier's API checks before the business sees a request,
 * in the order the real one would: its own health ({@link SimulatorMode}), the bearer token, the
 * body against the contract, and the {@code Idempotency-Key}.
 */
@Component("simulatorApiGate")
@ConditionalOnSimulatorEnabled
public class SimulatorApiGate {

    private static final String BEARER = "Bearer ";

    private final SimulatedSupplier supplier;
    private final SimulatorAccessTokens tokens;
    private final SupplierApiSchema schema = new SupplierApiSchema();

    public SimulatorApiGate(SimulatedSupplier supplier, SimulatorAccessTokens tokens) {
        this.supplier = supplier;
        this.tokens = tokens;
    }

    /**
     * The answer to a request that does not get through: 503 when failing or down (after the delay
     * when slow), 401 without a valid token, 400 when the body breaks the named schema. Empty when
     * it gets through.
     */
    Optional<ResponseEntity<SupplierProblem>> refusal(String authorization, JsonNode body, String schemaName)
            throws InterruptedException {
        SimulatorModeSetting mode = supplier.mode();
        switch (mode.mode()) {
            case FAIL_5XX, DOWN -> {
                return Optional.of(problem(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE",
                        "The supplier is not available", List.of()));
            }
            case SLOW -> Thread.sleep(mode.slowMillis());
            case NORMAL -> { }
        }
        if (!tokens.isValid(bearerToken(authorization))) {
            return Optional.of(ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .body(new SupplierProblem("UNAUTHORIZED", "A valid bearer token is required")));
        }
        List<String> violations = schema.violations(body, schemaName);
        if (!violations.isEmpty()) {
            return Optional.of(problem(HttpStatus.BAD_REQUEST, "INVALID",
                    "The body does not follow the " + schemaName + " schema", violations));
        }
        return Optional.empty();
    }

    /** 400 unless the {@code Idempotency-Key} header is the body's reference, named by {@code field}. */
    Optional<ResponseEntity<SupplierProblem>> keyMismatch(String reference, String idempotencyKey, String field) {
        if (reference.equals(idempotencyKey)) {
            return Optional.empty();
        }
        return Optional.of(problem(HttpStatus.BAD_REQUEST, "INVALID",
                "The Idempotency-Key header must equal " + field, List.of("Idempotency-Key")));
    }

    static ResponseEntity<SupplierProblem> problem(HttpStatus status, String code, String message,
            List<String> details) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(new SupplierProblem(code, message, details));
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).trim();
    }
}
