package se.hjalpmedelsnav.hub.alert;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;
import se.hjalpmedelsnav.hub.retention.RetentionFixture.MovableClock;
import se.hjalpmedelsnav.hub.tracking.TrackedMessage;
import se.hjalpmedelsnav.hub.tracking.TrackingStatus;
import se.hjalpmedelsnav.hub.tracking.TrackingStore;

/** The alerts as a hub has them: the board with its meters and log lines, a clock the test moves. */
final class AlertFixture implements AutoCloseable {

    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    static final String REFUSED = "{\"type\":\"RECEIPT\",\"status\":\"REJECTED\",\"errors\":[{\"code\":\"CUSTOMER_NUMBER_UNKNOWN\"}]}";

    final MovableClock clock;
    final MeterRegistry meters = new SimpleMeterRegistry();
    final AlertBoard board;
    final ListAppender<ILoggingEvent> log = new ListAppender<>();

    AlertFixture(String localTime) {
        clock = new MovableClock(at(localTime));
        board = new AlertBoard(meters, clock);
        log.start();
        ((Logger) LoggerFactory.getLogger(AlertBoard.LOGGER)).addAppender(log);
    }

    static Instant at(String localTime) {
        return LocalDateTime.parse(localTime).atZone(SWEDEN).toInstant();
    }

    void now(String localTime) {
        clock.set(at(localTime));
    }

    /** Runs the rule once, as the check does, and hands what it found to the board. */
    void check(AlertRule rule) throws Exception {
        board.update(rule.code(), rule.find());
    }

    List<String> subjects(AlertCode code) {
        return board.raised().stream().filter(a -> a.code() == code).map(Alert::subject).toList();
    }

    Alert alert(AlertCode code, String subject) {
        return board.raised().stream().filter(a -> a.code() == code && a.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not raised for " + subject));
    }

    /** {@code nav_alert{code,subject}}, or null when the alert has no series (not raised). */
    Double gauge(AlertCode code, String subject) {
        Gauge gauge = meters.find("nav.alert").tags("code", code.name(), "subject", subject).gauge();
        return gauge == null ? null : gauge.value();
    }

    double active(AlertCode code) {
        return meters.get("nav.alerts.active").tags("code", code.name()).gauge().value();
    }

    /** The WARN and INFO lines, formatted, of the alert logger. */
    List<String> lines() {
        return log.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    static String record(TrackingStore tracking, String kommun, String type, TrackingStatus status, Instant at) {
        String hubReference = UUID.randomUUID().toString();
        tracking.recordIfAbsent(new TrackedMessage(hubReference, kommun, "m-" + UUID.randomUUID(), type,
                "KN-" + kommun + "-001", status, status == TrackingStatus.REJECTED ? REFUSED : "{}",
                at.atOffset(ZoneOffset.UTC)));
        return hubReference;
    }

    /** The alerts' settings as application.yml has them, with {@code overrides} ({@code nav.alerts.*} keys). */
    static AlertProperties properties(Map<String, String> overrides) {
        Map<String, Object> properties = new HashMap<>();
        try {
            for (var source : new YamlPropertySourceLoader().load("application.yml",
                    new ClassPathResource("application.yml"))) {
                var enumerable = (EnumerablePropertySource<?>) source;
                for (String name : enumerable.getPropertyNames()) {
                    if (name.startsWith("nav.alerts.")) {
                        properties.put(name, String.valueOf(enumerable.getProperty(name)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.putAll(overrides);
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("nav.alerts",
                AlertProperties.class);
    }

    @Override
    public void close() {
        ((Logger) LoggerFactory.getLogger(AlertBoard.LOGGER)).detachAppender(log);
    }
}
