package se.hjalpmedelsnav.simulator;

import static se.hjalpmedelsnav.simulator.SimulatorApiGate.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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
import se.hjalpmedelsnav.mappings.supplier.SupplierFaultReport;
import se.hjalpmedelsnav.mappings.supplier.SupplierFaultReportReceipt;
import se.hjalpmedelsnav.mappings.supplier.SupplierProblem;
import se.hjalpmedelsnav.mappings.supplier.SupplierReceiptStatus;
import se.hjalpmedelsnav.mappings.supplier.SupplierReturn;
import se.hjalpmedelsnav.mappings.supplier.SupplierReturnReceipt;

/**
 * The simulated supplier's API for devices already out on loan: {@code POST /returns} and
 * {@code POST /fault-reports} of {@code openapi/supplier-api.yaml}. Both refuse a device id the
 * supplier does not know (422 {@code UNKNOWN_DEVICE}) and answer a repeat with the first answer.
 */
@RestController("simulatorDeviceController")
@ConditionalOnSimulatorEnabled
public class SimulatorDeviceController {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorDeviceController.class);

    private final SimulatedSupplier supplier;
    private final SimulatorApiGate gate;
    private final SimulatorEventPusher events;
    private final ObjectMapper json;

    public SimulatorDeviceController(SimulatedSupplier supplier, SimulatorApiGate gate, SimulatorEventPusher events,
            ObjectMapper json) {
        this.supplier = supplier;
        this.gate = gate;
        this.events = events;
        this.json = json;
    }

    @PostMapping(path = "/simulator/api/returns", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> placeReturn(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody JsonNode body) throws InterruptedException, JsonProcessingException {
        Optional<ResponseEntity<SupplierProblem>> refusal = gate.refusal(authorization, body, "SupplierReturn");
        if (refusal.isPresent()) {
            return refusal.get();
        }
        SupplierReturn supplierReturn = json.treeToValue(body, SupplierReturn.class);
        Optional<ResponseEntity<SupplierProblem>> mismatch =
                gate.keyMismatch(supplierReturn.returnId(), idempotencyKey, "returnId");
        if (mismatch.isPresent()) {
            return mismatch.get();
        }
        ReceivedRequest received = supplier.receive(supplierReturn, body);
        LOG.info("Return received: returnId={}, reason={}, devices={}, receivedCount={}, accepted={}",
                supplierReturn.returnId(), supplierReturn.reason(), supplierReturn.deviceIds().size(),
                received.receivedCount(), received.accepted());
        return answer(received, supplierReference -> new SupplierReturnReceipt(supplierReference,
                SupplierReceiptStatus.RECEIVED), () -> events.returnAccepted(supplierReturn, received.supplierReference()));
    }

    @PostMapping(path = "/simulator/api/fault-reports", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> placeFaultReport(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody JsonNode body) throws InterruptedException, JsonProcessingException {
        Optional<ResponseEntity<SupplierProblem>> refusal = gate.refusal(authorization, body, "SupplierFaultReport");
        if (refusal.isPresent()) {
            return refusal.get();
        }
        SupplierFaultReport faultReport = json.treeToValue(body, SupplierFaultReport.class);
        Optional<ResponseEntity<SupplierProblem>> mismatch =
                gate.keyMismatch(faultReport.faultReportId(), idempotencyKey, "faultReportId");
        if (mismatch.isPresent()) {
            return mismatch.get();
        }
        ReceivedRequest received = supplier.receive(faultReport, body);
        LOG.info("Fault report received: faultReportId={}, deviceId={}, outOfService={}, receivedCount={}, accepted={}",
                faultReport.faultReportId(), faultReport.deviceId(), faultReport.outOfService(),
                received.receivedCount(), received.accepted());
        return answer(received, supplierReference -> new SupplierFaultReportReceipt(supplierReference,
                SupplierReceiptStatus.RECEIVED), () -> events.faultReportAccepted(faultReport,
                received.supplierReference()));
    }

    /** 422 for unknown devices, 201 and the events on first receipt, 200 with the same receipt on a repeat. */
    private static ResponseEntity<?> answer(ReceivedRequest received, Function<String, Object> receipt,
            Runnable onFirstReceipt) {
        if (!received.accepted()) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "UNKNOWN_DEVICE",
                    "The supplier does not know device " + String.join(", ", received.unknownDevices()),
                    received.unknownDevices());
        }
        if (!received.firstReceipt()) {
            return ResponseEntity.ok(receipt.apply(received.supplierReference()));
        }
        onFirstReceipt.run();
        return ResponseEntity.status(HttpStatus.CREATED).body(receipt.apply(received.supplierReference()));
    }

    /** A body that is not JSON at all; Jackson leaves the body out of its message, and so do we. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<SupplierProblem> unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "INVALID", "The body is not readable JSON", List.of());
    }
}
