package se.hjalpmedelsnav.simulator;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import oasis.names.specification.ubl.schema.xsd.order_21.OrderType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.mappings.supplier.SupplierEvent;
import se.hjalpmedelsnav.mappings.supplier.SupplierEventType;
import se.hjalpmedelsnav.mappings.supplier.SupplierFaultReport;
import se.hjalpmedelsnav.mappings.supplier.SupplierFaultReportStatus;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrder;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderStatus;
import se.hjalpmedelsnav.mappings.supplier.SupplierReturn;
import se.hjalpmedelsnav.mappings.supplier.SupplierReturnStatus;
import se.hjalpmedelsnav.mappings.supplier.filedrop.SupplierFileDropXml;
import se.hjalpmedelsnav.mappings.registry.InvalidRegistryException;
import se.hjalpmedelsnav.mappings.registry.RegistryLoader;

/**
 * The simulated supplier at the file drop. It picks up what the hub writes to the outbox (a Peppol
 * {@code Order}, or a {@code return} / {@code faultReport} of the hub's XSD), moves it to its own
 * folder, decides as the API simulator does ({@link SimulatedSupplier}: withdrawn articles and unknown
 * devices are refused, a repeat only counts) and answers in the inbox with the same lives the API
 * simulator pushes to the webhook ({@link SimulatorEventPusher}): an {@code OrderResponse} and, after
 * the deliver delay, a {@code DespatchAdvice} for an order; status files for returns and fault reports.
 * Every answer is written under a hidden temporary name and renamed when complete.
 */
@Component("simulatorFileDrop")
@ConditionalOnSimulatorEnabled
@ConditionalOnProperty(prefix = "nav.simulator.file-drop", name = "enabled", havingValue = "true")
public class SimulatorFileDrop implements InitializingBean, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorFileDrop.class);
    private static final String UBL_ORDER = "urn:oasis:names:specification:ubl:schema:xsd:Order-2";

    private final SimulatorFileDropProperties properties;
    private final SimulatedSupplier supplier;
    private final SimulatorEventPusher lives;
    private final SupplierFileDropXml xml = new SupplierFileDropXml();
    private final AtomicLong answerSequence = new AtomicLong();
    /**
     * The second of each reference's latest answer (the latest 10,000): a later answer of the same reference is
     * stamped at least a second after it. An SFTP listing gives modification times in whole seconds, and the hub
     * reads the inbox oldest first: an order's response and despatch advice written within one second would tie
     * (a real supplier writes them hours apart).
     */
    private final java.util.Map<String, Long> answeredSecond = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, Long> eldest) {
                    return size() > 10_000;
                }
            });
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "simulator-file-drop");
        thread.setDaemon(true);
        return thread;
    });

    public SimulatorFileDrop(SimulatorFileDropProperties properties, SimulatedSupplier supplier,
            SimulatorEventPusher lives) {
        this.properties = properties;
        this.supplier = supplier;
        this.lives = lives;
    }

    @Override
    public void afterPropertiesSet() throws IOException, InvalidRegistryException {
        Files.createDirectories(folder(properties.outbox()));
        Files.createDirectories(folder(properties.inbox()));
        Files.createDirectories(folder(properties.taken()));
        long interval = properties.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::pollSafely, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info("Simulated supplier serves the file drop at {}", properties.directory());
        if (properties.assortment() != null) {
            publishAssortment(properties.assortment());
        }
    }

    /** Publishes the registry file's assortment as the supplier's whole catalogue (Replace), every article orderable. */
    private void publishAssortment(Path registryFile) throws InvalidRegistryException {
        List<SimulatorPeppolAnswers.CatalogueArticle> articles = new RegistryLoader().load(registryFile).assortment()
                .stream().map(article -> new SimulatorPeppolAnswers.CatalogueArticle(article.articleNumber(),
                        article.name(), article.productArea(), article.medicalDevice(), article.iso9999(), true))
                .toList();
        String catalogueId = publishCatalogue("Replace", null, articles);
        LOG.info("Simulated supplier published its assortment of {} articles as catalogue {}", articles.size(),
                catalogueId);
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.warn("Simulated supplier could not look into the file drop: {}", e.getClass().getSimpleName());
        }
    }

    /** Takes every complete file from the outbox, oldest first. */
    void poll() {
        for (Path file : completeFiles()) {
            Path taken = folder(properties.taken()).resolve(file.getFileName());
            byte[] document;
            try {
                document = Files.readAllBytes(file);
                Files.move(file, taken, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                continue; // being renamed or taken right now; the next look sees it
            }
            try {
                take(document);
            } catch (RuntimeException e) {
                LOG.warn("Simulated supplier cannot read {}: {}", file.getFileName(), e.getMessage());
            }
        }
    }

    private List<Path> completeFiles() {
        try (Stream<Path> files = Files.list(folder(properties.outbox()))) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .filter(file -> !file.getFileName().toString().endsWith(".part"))
                    .sorted(Comparator.comparing(SimulatorFileDrop::modified))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void take(byte[] document) {
        String head = new String(document, 0, Math.min(document.length, 2048), StandardCharsets.UTF_8);
        if (head.contains(UBL_ORDER)) {
            takeOrder(document);
        } else if (SupplierFileDropXml.isOwnDocument(document)) {
            Object request = xml.readRequest(document);
            if (request instanceof SupplierReturn supplierReturn) {
                takeReturn(supplierReturn, document);
            } else if (request instanceof SupplierFaultReport faultReport) {
                takeFaultReport(faultReport, document);
            }
        } else {
            throw new IllegalArgumentException("neither a UBL Order nor a return or fault report");
        }
    }

    private void takeOrder(byte[] document) {
        OrderType ubl = SimulatorPeppolAnswers.readOrder(document);
        SupplierOrder order = SimulatorPeppolAnswers.toSupplierOrder(ubl);
        ReceivedOrder received = supplier.receive(order, asReceived(document));
        LOG.info("Order file received: orderId={}, lines={}, receivedCount={}, accepted={}", order.orderId(),
                order.lines().size(), received.receivedCount(), received.accepted());
        if (!received.firstReceipt()) {
            return;
        }
        if (!received.accepted()) {
            answer("order-response", order.orderId(), SimulatorPeppolAnswers.rejected(ubl,
                    "UNKNOWN_ARTICLE: The supplier does not carry article "
                            + String.join(", ", received.unknownArticles())));
            return;
        }
        lives.orderAccepted(order, received.supplierOrderId(), (event, next) -> {
            if (event.status() == SupplierOrderStatus.CONFIRMED) {
                answer("order-response", order.orderId(), SimulatorPeppolAnswers.accepted(ubl, received.supplierOrderId()));
            } else if (event.status() == SupplierOrderStatus.DELIVERED) {
                answer("despatch-advice", order.orderId(), SimulatorPeppolAnswers.despatched(ubl, event.deviceIds()));
            }
            next.run();
        });
    }

    /**
     * Takes an order by phone, as the supplier's staff would, and drops its Peppol Order Agreement in the inbox so
     * the hub learns of it; the supplier's ledger is not touched (the order never came through the hub).
     *
     * @return the agreement's ID: the hub's reference of the order from then on
     */
    public String sendOrderAgreement(String customerNumber, String payerNumber,
            List<SimulatorPeppolAnswers.AgreedLine> lines) {
        String agreementId = java.util.UUID.randomUUID().toString();
        String supplierOrderId = "SO-P%07d".formatted(answerSequence.incrementAndGet() % 10_000_000);
        answer("order-agreement", agreementId, SimulatorPeppolAnswers.orderAgreement(agreementId, supplierOrderId,
                customerNumber, payerNumber, lines));
        return agreementId;
    }

    /**
     * Publishes (part of) the simulated supplier's assortment as a Peppol catalogue in the inbox, as the supplier's
     * system would: the hub applies it to the assortment in force.
     *
     * @return the catalogue's ID
     */
    public String publishCatalogue(String headerAction, String lineAction,
            List<SimulatorPeppolAnswers.CatalogueArticle> articles) {
        String catalogueId = "CAT-" + java.util.UUID.randomUUID();
        answer("catalogue", catalogueId, SimulatorPeppolAnswers.catalogue(catalogueId, headerAction, lineAction,
                articles));
        return catalogueId;
    }

    private void takeReturn(SupplierReturn supplierReturn, byte[] document) {
        ReceivedRequest received = supplier.receive(supplierReturn, asReceived(document));
        LOG.info("Return file received: returnId={}, devices={}, receivedCount={}, accepted={}",
                supplierReturn.returnId(), supplierReturn.deviceIds().size(), received.receivedCount(),
                received.accepted());
        if (!received.firstReceipt()) {
            return;
        }
        if (!received.accepted()) {
            answerStatus(SupplierEvent.returnStatus("unused", supplierReturn.returnId(), null,
                    SupplierReturnStatus.REJECTED_BY_SUPPLIER, now()), unknownDevice(received));
            return;
        }
        lives.returnAccepted(supplierReturn, received.supplierReference(), this::statusFile);
    }

    private void takeFaultReport(SupplierFaultReport faultReport, byte[] document) {
        ReceivedRequest received = supplier.receive(faultReport, asReceived(document));
        LOG.info("Fault report file received: faultReportId={}, receivedCount={}, accepted={}",
                faultReport.faultReportId(), received.receivedCount(), received.accepted());
        if (!received.firstReceipt()) {
            return;
        }
        if (!received.accepted()) {
            answerStatus(SupplierEvent.faultReportStatus("unused", faultReport.faultReportId(), null,
                    SupplierFaultReportStatus.REJECTED_BY_SUPPLIER, List.of(), now()), unknownDevice(received));
            return;
        }
        lives.faultReportAccepted(faultReport, received.supplierReference(), this::statusFile);
    }

    private void statusFile(SupplierEvent event, Runnable next) {
        answerStatus(event, null);
        next.run();
    }

    private void answerStatus(SupplierEvent event, String reason) {
        SupplierEvent withReason = reason == null ? event
                : new SupplierEvent(event.eventId(), null, null, event.returnId(), event.supplierReturnId(),
                        event.faultReportId(), event.supplierFaultReportId(), event.eventType(), event.status(),
                        event.deviceIds(), reason, null, event.occurredAt());
        String kind = event.eventType() == SupplierEventType.RETURN_STATUS ? "return-status" : "fault-report-status";
        answer(kind, event.reference(), xml.writeStatus(withReason));
    }

    private static String unknownDevice(ReceivedRequest received) {
        return "UNKNOWN_DEVICE: The supplier does not know device " + String.join(", ", received.unknownDevices());
    }

    /** Writes an answer under a hidden name, then renames it: the hub never reads half a file. */
    private void answer(String kind, String reference, String document) {
        String name = "%s-%s-%04d.xml".formatted(kind, reference, answerSequence.incrementAndGet() % 10_000);
        Path inbox = folder(properties.inbox());
        try {
            Path temporary = Files.writeString(inbox.resolve("." + name + ".tmp"), document, StandardCharsets.UTF_8);
            long second = answeredSecond.merge(reference, System.currentTimeMillis() / 1000,
                    (before, now) -> Math.max(now, before + 1));
            Files.setLastModifiedTime(temporary, java.nio.file.attribute.FileTime.from(second, TimeUnit.SECONDS));
            Files.move(temporary, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Simulated supplier answered {} in the file drop: {}", reference, name);
        } catch (IOException e) {
            LOG.error("Simulated supplier could not write its answer {}: {}", name, e.getClass().getSimpleName());
        }
    }

    private static TextNode asReceived(byte[] document) {
        return TextNode.valueOf(new String(document, StandardCharsets.UTF_8));
    }

    private static java.time.OffsetDateTime now() {
        return java.time.OffsetDateTime.now(SimulatedSupplier.SWEDEN);
    }

    private Path folder(String name) {
        return properties.directory().resolve(name).toAbsolutePath().normalize();
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
    }
}
