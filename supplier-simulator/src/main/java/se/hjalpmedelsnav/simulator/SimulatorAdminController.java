package se.hjalpmedelsnav.simulator;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
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
    private final ObjectProvider<SimulatorFileDrop> fileDrop;

    public SimulatorAdminController(SimulatedSupplier supplier, ObjectProvider<SimulatorFileDrop> fileDrop) {
        this.supplier = supplier;
        this.fileDrop = fileDrop;
    }

    /** An order the supplier takes by phone: what the demo and the tests ask the supplier to tell the hub about. */
    public record PhoneOrder(String customerNumber, String payerNumber,
            List<SimulatorPeppolAnswers.AgreedLine> lines) {
    }

    /** A catalogue to publish: header action, line action (none for a whole catalogue) and the articles. */
    public record CataloguePublication(String headerAction, String lineAction,
            List<SimulatorPeppolAnswers.CatalogueArticle> articles) {
    }

    /** The published catalogue's ID. */
    public record CataloguePublished(String catalogueId) {
    }

    /**
     * Publishes a Peppol catalogue of these articles in the file drop's inbox: 201 with its ID, or 409 when the
     * simulator does not serve the file drop.
     */
    @PostMapping("/catalogues")
    public ResponseEntity<CataloguePublished> publishCatalogue(@RequestBody CataloguePublication publication) {
        SimulatorFileDrop drop = fileDrop.getIfAvailable();
        if (drop == null) {
            return ResponseEntity.status(HttpStatus.CONFLICT).build();
        }
        String catalogueId = drop.publishCatalogue(publication.headerAction() == null ? "Replace"
                : publication.headerAction(), publication.lineAction(),
                publication.articles() == null ? List.of() : publication.articles());
        LOG.info("Catalogue {} published in the inbox", catalogueId);
        return ResponseEntity.status(HttpStatus.CREATED).body(new CataloguePublished(catalogueId));
    }

    /** The agreement's ID, which is the order's hub reference in the hub. */
    public record OrderAgreementSent(String agreementId) {
    }

    /**
     * Takes an order by phone and drops its Peppol Order Agreement in the file drop's inbox: 201 with the
     * agreement's ID, or 409 when the simulator does not serve the file drop.
     */
    @PostMapping("/order-agreements")
    public ResponseEntity<OrderAgreementSent> sendOrderAgreement(@RequestBody PhoneOrder order) {
        SimulatorFileDrop drop = fileDrop.getIfAvailable();
        if (drop == null) {
            return ResponseEntity.status(HttpStatus.CONFLICT).build();
        }
        String agreementId = drop.sendOrderAgreement(order.customerNumber(), order.payerNumber(),
                order.lines() == null ? List.of() : order.lines());
        LOG.info("Order taken by phone; Order Agreement {} dropped in the inbox", agreementId);
        return ResponseEntity.status(HttpStatus.CREATED).body(new OrderAgreementSent(agreementId));
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
