package se.hjalpmedelsnav.simulator;

import static se.hjalpmedelsnav.simulator.SimulatorApiGate.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import se.hjalpmedelsnav.mappings.supplier.SupplierProblem;

/**
 * The simulated supplier's {@code POST /incident-reports} of {@code openapi/supplier-api.yaml}: it records each
 * manufacturer's copy it received, counts repeats, and shows them at {@code /simulator/admin/incident-reports}.
 */
@RestController("simulatorIncidentReportController")
@ConditionalOnSimulatorEnabled
public class SimulatorIncidentReportController {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorIncidentReportController.class);

    private final SimulatorApiGate gate;
    private final RequestLedger received = new RequestLedger("SI-%08d");

    public SimulatorIncidentReportController(SimulatorApiGate gate) {
        this.gate = gate;
    }

    @PostMapping(path = "/simulator/api/incident-reports", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> receive(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody JsonNode body) throws InterruptedException {
        Optional<ResponseEntity<SupplierProblem>> refusal = gate.refusal(authorization, body, "SupplierIncidentReport");
        if (refusal.isPresent()) {
            return refusal.get();
        }
        String reference = body.path("incidentReportId").asText();
        Optional<ResponseEntity<SupplierProblem>> mismatch = gate.keyMismatch(reference, idempotencyKey,
                "incidentReportId");
        if (mismatch.isPresent()) {
            return mismatch.get();
        }
        ReceivedRequest request = received.receive(reference, List.of(), body);
        // The report's texts are about a patient: only references in the log.
        LOG.info("Incident report received for the manufacturer: incidentReportId={}, receivedCount={}", reference,
                request.receivedCount());
        Map<String, String> receipt = Map.of("supplierIncidentReportId", request.supplierReference(),
                "status", "RECEIVED");
        return ResponseEntity.status(request.receivedCount() == 1 ? HttpStatus.CREATED : HttpStatus.OK).body(receipt);
    }

    @GetMapping("/simulator/admin/incident-reports")
    public List<ReceivedRequest> incidentReports() {
        return received.all();
    }

    @GetMapping("/simulator/admin/incident-reports/{incidentReportId}")
    public ResponseEntity<ReceivedRequest> incidentReport(@PathVariable String incidentReportId) {
        return ResponseEntity.of(received.find(incidentReportId));
    }

    @DeleteMapping("/simulator/admin/incident-reports")
    public ResponseEntity<Void> forget() {
        received.forget();
        return ResponseEntity.noContent().build();
    }

    /** A body that is not JSON at all; Jackson leaves the body out of its message, and so do we. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<SupplierProblem> unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "INVALID", "The body is not readable JSON", List.of());
    }
}
