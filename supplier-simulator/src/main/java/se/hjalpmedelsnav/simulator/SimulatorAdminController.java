package se.hjalpmedelsnav.simulator;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets tests and demos steer the simulated supplier and see what reached it. */
@RestController("simulatorAdminController")
@ConditionalOnSimulatorEnabled
@RequestMapping("/simulator/admin")
public class SimulatorAdminController {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorAdminController.class);

    private final SimulatedSupplier supplier;

    public SimulatorAdminController(SimulatedSupplier supplier) {
        this.supplier = supplier;
    }

    @GetMapping("/mode")
    public SimulatorModeSetting mode() {
        return supplier.mode();
    }

    @PostMapping("/mode")
    public SimulatorModeSetting switchMode(@RequestBody SimulatorModeSetting setting) {
        supplier.switchTo(setting);
        LOG.info("Simulator mode switched to {}", setting);
        return setting;
    }

    @GetMapping("/orders")
    public List<ReceivedOrder> orders() {
        return supplier.receivedOrders();
    }

    /** The count without the bodies: what a benchmark polls while the orders come in. */
    @GetMapping("/orders/summary")
    public ReceivedOrdersSummary ordersSummary() {
        return supplier.receivedOrdersSummary();
    }

    @GetMapping("/orders/{orderId}")
    public ResponseEntity<ReceivedOrder> order(@PathVariable String orderId) {
        return supplier.receivedOrder(orderId)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @DeleteMapping("/orders")
    public ResponseEntity<Void> forgetOrders() {
        supplier.forgetOrders();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/returns")
    public List<ReceivedRequest> returns() {
        return supplier.receivedReturns();
    }

    @GetMapping("/returns/{returnId}")
    public ResponseEntity<ReceivedRequest> returnOf(@PathVariable String returnId) {
        return ResponseEntity.of(supplier.receivedReturn(returnId));
    }

    @DeleteMapping("/returns")
    public ResponseEntity<Void> forgetReturns() {
        supplier.forgetReturns();
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/fault-reports")
    public List<ReceivedRequest> faultReports() {
        return supplier.receivedFaultReports();
    }

    @GetMapping("/fault-reports/{faultReportId}")
    public ResponseEntity<ReceivedRequest> faultReport(@PathVariable String faultReportId) {
        return ResponseEntity.of(supplier.receivedFaultReport(faultReportId));
    }

    @DeleteMapping("/fault-reports")
    public ResponseEntity<Void> forgetFaultReports() {
        supplier.forgetFaultReports();
        return ResponseEntity.noContent().build();
    }
}
