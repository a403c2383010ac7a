package se.hjalpmedelsnav.hub.supplier;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.broker.MessageProperties;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;
import se.hjalpmedelsnav.mappings.supplier.SupplierEvent;

/**
 * The supplier's events into the hub. The answer is 202 only once the event is durably on the
 * events queue; a malformed event gets 400 with the reasons and is not queued, one larger than
 * {@code nav.supplier.webhook.max-bytes} 413 with the code {@value #TOO_LARGE}, read no further, and one
 * whose text holds an unpaired UTF-16 surrogate 400 with the code {@value #UNPAIRED_SURROGATE}: passed on,
 * it would stop the municipality's {@code .out} for an AMQP client that cannot decode it.
 */
@RestController
public class SupplierWebhook {

    /** Codes of the answers a supplier can act on. */
    static final String TOO_LARGE = "EVENT_TOO_LARGE";
    static final String UNPAIRED_SURROGATE = "EVENT_TEXT_UNPAIRED_SURROGATE";
    static final String NOT_READY = "HUB_NOT_READY";
    static final String RETRY_AFTER_SECONDS = "5";

    private static final int MAX_DEPTH = 8;
    private static final int MAX_STRING_LENGTH = 4096;
    // Tighter than Jackson's defaults: an event is a flat object with short strings and one short array.
    private final JsonFactory limitedJson = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNumberLength(32).build())
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private final ObjectMapper json = KommunMessageMappers.json();
    private final ProducerTemplate producer;
    private final SupplierEvents events;
    private final int maxBytes;

    public SupplierWebhook(ProducerTemplate producer, SupplierEvents events,
            @Value("${nav.supplier.webhook.max-bytes:65536}") int maxBytes) {
        this.producer = producer;
        this.events = events;
        this.maxBytes = maxBytes;
    }

    @PostMapping(path = "/api/supplier/events", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> receive(HttpServletRequest request) throws IOException {
        // Tomcat takes requests a few seconds before Camel has started its routes (and still while they stop):
        // the supplier is told to come back, instead of a 500 with the send's RejectedExecutionException.
        if (!producer.getCamelContext().isStarted()) {
            return notReady();
        }
        // Checked on the stream itself: a chunked request has no Content-Length, and one may lie.
        if (request.getContentLengthLong() > maxBytes) {
            return tooLarge();
        }
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            return tooLarge();
        }
        SupplierEvent event;
        try {
            event = json.readValue(limitedJson.createParser(body), SupplierEvent.class);
        } catch (JsonProcessingException e) {
            if (overLimits(e)) {
                return ResponseEntity.badRequest().body(Map.of("errors", List.of("the event has a string longer than "
                        + MAX_STRING_LENGTH + " characters or is nested deeper than " + MAX_DEPTH + " levels")));
            }
            return ResponseEntity.badRequest().body(Map.of("errors", List.of("body is not a supplier event in JSON")));
        } catch (IOException e) {
            return ResponseEntity.badRequest().body(Map.of("errors", List.of("body could not be read")));
        }
        List<String> broken = event.fieldsWithUnpairedSurrogates();
        if (!broken.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("code", UNPAIRED_SURROGATE, "errors", broken.stream()
                    .map(field -> field + " holds an unpaired UTF-16 surrogate (a \\uD800-\\uDFFF escape that is "
                            + "not one half of a pair): send the character itself or both halves of its pair")
                    .toList()));
        }
        List<String> problems = events.problems(event);
        if (!problems.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("errors", problems));
        }
        // A plain persistent send: Artemis confirms it durably before returning, and drops a repeat of an
        // event id it has seen (a transacted send would fail the commit instead, and the supplier retry). The
        // events of one message are one group: the stage's consumers take them in the order they came.
        producer.sendBodyAndHeaders("jms:queue:" + Queues.SUPPLIER_EVENTS + "?jmsMessageType=Text&transacted=false",
                new String(body, java.nio.charset.StandardCharsets.UTF_8),
                Map.of(MessageProperties.BROKER_DUPLICATE_ID, "supplier-event:" + event.eventId(),
                        MessageProperties.GROUP_ID, event.reference()));
        return ResponseEntity.accepted().body(Map.of("eventId", event.eventId(), "status", "QUEUED"));
    }

    /** Jackson wraps the parser's limit breach when it happens inside a value's deserialiser. */
    private static boolean overLimits(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<Map<String, Object>> notReady() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS)
                .body(Map.of("code", NOT_READY, "errors", List.of("the hub is starting or stopping: send the event "
                        + "again after " + RETRY_AFTER_SECONDS + " s")));
    }

    private ResponseEntity<Map<String, Object>> tooLarge() {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("code", TOO_LARGE,
                "errors", List.of("the event is larger than " + maxBytes + " bytes (nav.supplier.webhook.max-bytes)")));
    }
}
