package se.hjalpmedelsnav.simulator;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import se.hjalpmedelsnav.mappings.supplier.SupplierEvent;
import se.hjalpmedelsnav.mappings.supplier.SupplierFaultReport;
import se.hjalpmedelsnav.mappings.supplier.SupplierFaultReportStatus;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrder;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderStatus;
import se.hjalpmedelsnav.mappings.supplier.SupplierReturn;
import se.hjalpmedelsnav.mappings.supplier.SupplierReturnStatus;

/**
 * Pushes what happens to an accepted order, return or fault report to the hub's webhook, as the
 * supplier would: for an order CONFIRMED after the confirm delay, then DELIVERED with one device id
 * per unit after the deliver delay; for a return RECEIVED then PICKED_UP (LOST_REGISTERED alone
 * for a lost one); for a fault report RECEIVED, IN_PROGRESS, then RESOLVED (DEVICE_REPLACED when
 * out of service), each later step after the deliver delay. A failed push is tried again with
 * doubling back-off; the events of one message keep their order. The same lives play in the file drop
 * ({@link SimulatorFileDrop}): there an {@link EventSink} writes each event as a status file instead.
 */
@Component("simulatorEventPusher")
@ConditionalOnSimulatorEnabled
public class SimulatorEventPusher implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorEventPusher.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final SupplierSimulatorProperties properties;
    private final SimulatedSupplier supplier;
    private final RestClient webhook;
    private final ScheduledExecutorService scheduler;
    /** Device ids start at a random point so that two runs of the simulator hand out different ones. */
    private final AtomicLong deviceSequence = new AtomicLong(ThreadLocalRandom.current().nextLong(10_000_000, 60_000_000));

    public SimulatorEventPusher(SupplierSimulatorProperties properties, SimulatedSupplier supplier,
            RestClient.Builder restClients) {
        this.properties = properties;
        this.supplier = supplier;
        this.webhook = restClients
                // HttpURLConnection, not java.net.http: with fewer than three cores the JDK client completes each
                // exchange on a thread started for it (CompletableFuture's thread-per-task fallback, whatever executor
                // it is given): 35 threads a second under load, and their monitors kept a JVM thread busy deflating
                // them. Plain HTTP/1.1 with keep-alive, and no h2c upgrade for a server (Jetty) to refuse.
                .requestFactory(ClientHttpRequestFactoryBuilder.simple()
                        .build(ClientHttpRequestFactorySettings.defaults()
                                .withConnectTimeout(CONNECT_TIMEOUT)
                                .withReadTimeout(READ_TIMEOUT)))
                .defaultHeaders(headers -> {
                    if (properties.webhookUsername() != null) {
                        headers.setBasicAuth(properties.webhookUsername(), properties.webhookPassword());
                    }
                })
                .build();
        this.scheduler = Executors.newScheduledThreadPool(2, daemon("simulator-events-"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger threads = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Where the events of a life go: {@code next} must run once the event is out (or given up on). */
    @FunctionalInterface
    public interface EventSink {
        void deliver(SupplierEvent event, Runnable next);
    }

    /** Plays the life of an accepted order: confirmation, then delivery. */
    public void orderAccepted(SupplierOrder order, String supplierOrderId) {
        orderAccepted(order, supplierOrderId, webhookSink());
    }

    public void orderAccepted(SupplierOrder order, String supplierOrderId, EventSink sink) {
        if (order.isHandOut()) {
            // A device handed out of a buffer store: nothing to ship, registered on the user and delivered at once.
            play(order.orderId(), sink, List.of(new Step(Duration.ZERO, () -> handedOut(order, supplierOrderId))));
            return;
        }
        play(order.orderId(), sink, List.of(
                new Step(properties.confirmDelay(), () -> confirmed(order, supplierOrderId)),
                new Step(properties.deliverDelay(), () -> delivered(order, supplierOrderId))));
    }

    /** Plays the life of an accepted return: pickup registered, then picked up; or, when lost, written off. */
    public void returnAccepted(SupplierReturn supplierReturn, String supplierReturnId) {
        returnAccepted(supplierReturn, supplierReturnId, webhookSink());
    }

    public void returnAccepted(SupplierReturn supplierReturn, String supplierReturnId, EventSink sink) {
        String returnId = supplierReturn.returnId();
        if (supplierReturn.lost()) {
            play(returnId, sink, List.of(new Step(properties.confirmDelay(),
                    () -> returnEvent(returnId, supplierReturnId, SupplierReturnStatus.LOST_REGISTERED))));
            return;
        }
        play(returnId, sink, List.of(
                new Step(properties.confirmDelay(),
                        () -> returnEvent(returnId, supplierReturnId, SupplierReturnStatus.RECEIVED)),
                new Step(properties.deliverDelay(),
                        () -> returnEvent(returnId, supplierReturnId, SupplierReturnStatus.PICKED_UP))));
    }

    /**
     * Plays the life of an accepted fault report: received, in progress, then resolved; a device out
     * of service is replaced instead, and the event names the new device.
     */
    public void faultReportAccepted(SupplierFaultReport faultReport, String supplierFaultReportId) {
        faultReportAccepted(faultReport, supplierFaultReportId, webhookSink());
    }

    public void faultReportAccepted(SupplierFaultReport faultReport, String supplierFaultReportId, EventSink sink) {
        String faultReportId = faultReport.faultReportId();
        Step done = faultReport.outOfService()
                ? new Step(properties.deliverDelay(), () -> faultReportEvent(faultReportId, supplierFaultReportId,
                        SupplierFaultReportStatus.DEVICE_REPLACED, List.of(newDeviceId())))
                : new Step(properties.deliverDelay(), () -> faultReportEvent(faultReportId, supplierFaultReportId,
                        SupplierFaultReportStatus.RESOLVED, List.of()));
        play(faultReportId, sink, List.of(
                new Step(properties.confirmDelay(), () -> faultReportEvent(faultReportId, supplierFaultReportId,
                        SupplierFaultReportStatus.RECEIVED, List.of())),
                new Step(properties.deliverDelay(), () -> faultReportEvent(faultReportId, supplierFaultReportId,
                        SupplierFaultReportStatus.IN_PROGRESS, List.of())),
                done));
    }

    /** One event of a life, pushed {@code delay} after the one before it has been pushed or given up on. */
    private record Step(Duration delay, Supplier<SupplierEvent> event) {
    }

    private EventSink webhookSink() {
        return properties.webhookUrl() == null ? null : (event, next) -> push(event, 1, next);
    }

    private void play(String reference, EventSink sink, List<Step> steps) {
        if (sink == null) {
            LOG.warn("No nav.simulator.webhook-url: no events pushed for reference={}", reference);
            return;
        }
        playFrom(sink, steps, 0);
    }

    private void playFrom(EventSink sink, List<Step> steps, int index) {
        if (index >= steps.size()) {
            return;
        }
        Step step = steps.get(index);
        scheduler.schedule(() -> sink.deliver(step.event().get(), () -> playFrom(sink, steps, index + 1)),
                step.delay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private SupplierEvent confirmed(SupplierOrder order, String supplierOrderId) {
        OffsetDateTime now = OffsetDateTime.now(SimulatedSupplier.SWEDEN);
        LocalDate expected = now.plus(properties.deliverDelay()).toLocalDate();
        return SupplierEvent.orderStatus(UUID.randomUUID().toString(), order.orderId(), supplierOrderId,
                SupplierOrderStatus.CONFIRMED, List.of(), expected, now);
    }

    private SupplierEvent delivered(SupplierOrder order, String supplierOrderId) {
        List<String> deviceIds = LongStream.range(0, order.totalQuantity())
                .mapToObj(unit -> newDeviceId())
                .toList();
        // Registered on the user before the delivery is told: traceable from the moment the hub hears of it.
        supplier.registerDelivered(order, deviceIds);
        return SupplierEvent.orderStatus(UUID.randomUUID().toString(), order.orderId(), supplierOrderId,
                SupplierOrderStatus.DELIVERED, deviceIds, null, OffsetDateTime.now(SimulatedSupplier.SWEDEN));
    }

    private SupplierEvent handedOut(SupplierOrder order, String supplierOrderId) {
        List<String> deviceIds = List.of(order.deviceId());
        supplier.registerDelivered(order, deviceIds);
        return SupplierEvent.orderStatus(UUID.randomUUID().toString(), order.orderId(), supplierOrderId,
                SupplierOrderStatus.DELIVERED, deviceIds, null, OffsetDateTime.now(SimulatedSupplier.SWEDEN));
    }

        private static SupplierEvent returnEvent(String returnId, String supplierReturnId, SupplierReturnStatus status) {
        return SupplierEvent.returnStatus(UUID.randomUUID().toString(), returnId, supplierReturnId, status,
                OffsetDateTime.now(SimulatedSupplier.SWEDEN));
    }

    private static SupplierEvent faultReportEvent(String faultReportId, String supplierFaultReportId,
            SupplierFaultReportStatus status, List<String> deviceIds) {
        return SupplierEvent.faultReportStatus(UUID.randomUUID().toString(), faultReportId, supplierFaultReportId,
                status, deviceIds, OffsetDateTime.now(SimulatedSupplier.SWEDEN));
    }

    String newDeviceId() {
        return "IND-%08d".formatted(deviceSequence.incrementAndGet());
    }

    /** Pushes one event; on success, or once it gives up, runs what comes next. */
    private void push(SupplierEvent event, int attempt, Runnable next) {
        try {
            webhook.post()
                    .uri(properties.webhookUrl())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(event)
                    .retrieve()
                    .toBodilessEntity();
            LOG.info("Pushed {} {} for reference={} (eventId={}, attempt {})", event.eventType(), event.status(),
                    event.reference(), event.eventId(), attempt);
            next.run();
        } catch (RuntimeException e) {
            String why = e instanceof RestClientResponseException response
                    ? "HTTP " + response.getStatusCode().value()
                    : e.getClass().getSimpleName() + ": " + rootCause(e);
            if (attempt >= properties.webhookAttempts()) {
                LOG.error("Gave up pushing {} {} for reference={} after {} attempts ({})", event.eventType(),
                        event.status(), event.reference(), attempt, why);
                next.run();
                return;
            }
            long wait = properties.webhookBackoff().toMillis() << (attempt - 1);
            LOG.warn("Pushing {} {} for reference={} failed ({}), attempt {} of {}, next in {} ms", event.eventType(),
                    event.status(), event.reference(), why, attempt, properties.webhookAttempts(), wait);
            scheduler.schedule(() -> push(event, attempt + 1, next), wait, TimeUnit.MILLISECONDS);
        }
    }

    /** The cause of a failure to connect, e.g. connection refused; it names no personal data. */
    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage());
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
