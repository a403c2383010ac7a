package se.hjalpmedelsnav.connectors.simulator;

import java.net.http.HttpClient;
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
import se.hjalpmedelsnav.mappings.supplier.SupplierEventType;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrder;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderStatus;

/**
 * Pushes what happens to an accepted order to the hub's webhook, as the supplier would: CONFIRMED
 * after the confirm delay, then DELIVERED with one device id per unit after the deliver delay. A
 * failed push is tried again with doubling back-off; the events of one order keep their order.
 */
@Component("simulatorEventPusher")
@ConditionalOnSimulatorEnabled
public class SimulatorEventPusher implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorEventPusher.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final SupplierSimulatorProperties properties;
    private final RestClient webhook;
    private final ScheduledExecutorService scheduler;
    /** Device ids start at a random point so that two runs of the simulator hand out different ones. */
    private final AtomicLong deviceSequence = new AtomicLong(ThreadLocalRandom.current().nextLong(10_000_000, 60_000_000));

    public SimulatorEventPusher(SupplierSimulatorProperties properties, RestClient.Builder restClients) {
        this.properties = properties;
        this.webhook = restClients
                // HTTP/1.1: the JDK client's h2c upgrade of a POST is refused by some servers (Jetty).
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk()
                        .withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1))
                        .build(ClientHttpRequestFactorySettings.defaults()
                                .withConnectTimeout(CONNECT_TIMEOUT)
                                .withReadTimeout(READ_TIMEOUT)))
                .defaultHeaders(headers -> {
                    if (properties.webhookUsername() != null) {
                        headers.setBasicAuth(properties.webhookUsername(), properties.webhookPassword());
                    }
                })
                .build();
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "simulator-events-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Plays the life of an accepted order: confirmation, then delivery. */
    public void orderAccepted(SupplierOrder order, String supplierOrderId) {
        if (properties.webhookUrl() == null) {
            LOG.warn("No nav.simulator.webhook-url: no events pushed for orderId={}", order.orderId());
            return;
        }
        scheduler.schedule(() -> push(confirmed(order, supplierOrderId), 1,
                        () -> scheduler.schedule(() -> push(delivered(order, supplierOrderId), 1, () -> { }),
                                properties.deliverDelay().toMillis(), TimeUnit.MILLISECONDS)),
                properties.confirmDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private SupplierEvent confirmed(SupplierOrder order, String supplierOrderId) {
        OffsetDateTime now = OffsetDateTime.now(SimulatedSupplier.SWEDEN);
        LocalDate expected = now.plus(properties.deliverDelay()).toLocalDate();
        return new SupplierEvent(UUID.randomUUID().toString(), order.orderId(), supplierOrderId,
                SupplierEventType.ORDER_STATUS, SupplierOrderStatus.CONFIRMED, List.of(), null, expected, now);
    }

    private SupplierEvent delivered(SupplierOrder order, String supplierOrderId) {
        List<String> deviceIds = LongStream.range(0, order.totalQuantity())
                .mapToObj(unit -> "IND-%08d".formatted(deviceSequence.incrementAndGet()))
                .toList();
        return new SupplierEvent(UUID.randomUUID().toString(), order.orderId(), supplierOrderId,
                SupplierEventType.ORDER_STATUS, SupplierOrderStatus.DELIVERED, deviceIds, null, null,
                OffsetDateTime.now(SimulatedSupplier.SWEDEN));
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
            LOG.info("Pushed {} for orderId={} (eventId={}, attempt {})", event.status(), event.orderId(),
                    event.eventId(), attempt);
            next.run();
        } catch (RuntimeException e) {
            String why = e instanceof RestClientResponseException response
                    ? "HTTP " + response.getStatusCode().value()
                    : e.getClass().getSimpleName() + ": " + rootCause(e);
            if (attempt >= properties.webhookAttempts()) {
                LOG.error("Gave up pushing {} for orderId={} after {} attempts ({})", event.status(), event.orderId(),
                        attempt, why);
                next.run();
                return;
            }
            long wait = properties.webhookBackoff().toMillis() << (attempt - 1);
            LOG.warn("Pushing {} for orderId={} failed ({}), attempt {} of {}, next in {} ms", event.status(),
                    event.orderId(), why, attempt, properties.webhookAttempts(), wait);
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
