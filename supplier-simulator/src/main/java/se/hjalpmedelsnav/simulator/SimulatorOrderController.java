package se.hjalpmedelsnav.simulator;

import static se.hjalpmedelsnav.simulator.SimulatorApiGate.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
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
import se.hjalpmedelsnav.mappings.supplier.SupplierOrder;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderReceipt;
import se.hjalpmedelsnav.mappings.supplier.SupplierProblem;
import se.hjalpmedelsnav.mappings.supplier.SupplierReceiptStatus;

/** The simulated supplier's orders API, {@code POST /orders} of {@code openapi/supplier-api.yaml}. */
@RestController("simulatorOrderController")
@ConditionalOnSimulatorEnabled
public class SimulatorOrderController {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorOrderController.class);

    private final SimulatedSupplier supplier;
    private final SimulatorApiGate gate;
    private final SimulatorEventPusher events;
    private final ObjectMapper json;

    public SimulatorOrderController(SimulatedSupplier supplier, SimulatorApiGate gate, SimulatorEventPusher events,
            ObjectMapper json) {
        this.supplier = supplier;
        this.gate = gate;
        this.events = events;
        this.json = json;
    }

    @PostMapping(path = "/simulator/api/orders", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> placeOrder(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody JsonNode body) throws InterruptedException, JsonProcessingException {
        Optional<ResponseEntity<SupplierProblem>> refusal = gate.refusal(authorization, body, "SupplierOrder");
        if (refusal.isPresent()) {
            return refusal.get();
        }
        SupplierOrder order = json.treeToValue(body, SupplierOrder.class);
        Optional<ResponseEntity<SupplierProblem>> mismatch = gate.keyMismatch(order.orderId(), idempotencyKey, "orderId");
        if (mismatch.isPresent()) {
            return mismatch.get();
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
}
