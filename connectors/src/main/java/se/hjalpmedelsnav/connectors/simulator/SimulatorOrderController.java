package se.hjalpmedelsnav.connectors.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import se.hjalpmedelsnav.connectors.supplier.SupplierApiSchema;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrder;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderReceipt;
import se.hjalpmedelsnav.mappings.supplier.SupplierProblem;
import se.hjalpmedelsnav.mappings.supplier.SupplierReceiptStatus;

/** The simulated supplier's orders API, {@code POST /orders} of {@code openapi/supplier-api.yaml}. */
@RestController("simulatorOrderController")
@ConditionalOnSimulatorEnabled
public class SimulatorOrderController {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorOrderController.class);
    private static final String BEARER = "Bearer ";

    private final SimulatedSupplier supplier;
    private final SimulatorAccessTokens tokens;
    private final SimulatorEventPusher events;
    private final ObjectMapper json;
    private final SupplierApiSchema schema = new SupplierApiSchema();

    public SimulatorOrderController(SimulatedSupplier supplier, SimulatorAccessTokens tokens,
            SimulatorEventPusher events, ObjectMapper json) {
        this.supplier = supplier;
        this.tokens = tokens;
        this.events = events;
        this.json = json;
    }

    @PostMapping(path = "/simulator/api/orders", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> placeOrder(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody JsonNode body) throws InterruptedException, JsonProcessingException {
        SimulatorModeSetting mode = supplier.mode();
        switch (mode.mode()) {
            case FAIL_5XX, DOWN -> {
                return problem(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE", "The supplier is not available", List.of());
            }
            case SLOW -> Thread.sleep(mode.slowMillis());
            case NORMAL -> { }
        }
        if (!tokens.isValid(bearerToken(authorization))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .body(new SupplierProblem("UNAUTHORIZED", "A valid bearer token is required"));
        }
        List<String> violations = schema.violations(body, "SupplierOrder");
        if (!violations.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "INVALID", "The order does not follow the SupplierOrder schema",
                    violations);
        }
        SupplierOrder order = json.treeToValue(body, SupplierOrder.class);
        if (!order.orderId().equals(idempotencyKey)) {
            return problem(HttpStatus.BAD_REQUEST, "INVALID", "The Idempotency-Key header must equal orderId",
                    List.of("Idempotency-Key"));
        }

        ReceivedOrder received = supplier.receive(order, body);
        LOG.info("Order received: orderId={}, lines={}, receivedCount={}, accepted={}", order.orderId(),
                order.lines().size(), received.receivedCount(), received.accepted());
        if (!received.accepted()) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "UNKNOWN_ARTICLE",
                    "The supplier does not carry article " + String.join(", ", received.unknownArticles()),
                    received.unknownArticles());
        }
        SupplierOrderReceipt receipt = new SupplierOrderReceipt(received.supplierOrderId(), SupplierReceiptStatus.RECEIVED);
        if (!received.firstReceipt()) {
            return ResponseEntity.ok(receipt);
        }
        events.orderAccepted(order, received.supplierOrderId());
        return ResponseEntity.status(HttpStatus.CREATED).body(receipt);
    }

    /** A body that is not JSON at all; Jackson leaves the body out of its message, and so do we. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<SupplierProblem> unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "INVALID", "The body is not readable JSON", List.of());
    }

    private static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).trim();
    }

    private static ResponseEntity<SupplierProblem> problem(HttpStatus status, String code, String message,
            List<String> details) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(new SupplierProblem(code, message, details));
    }
}
