package se.hjalpmedelsnav.hub.supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.hjalpmedelsnav.hub.broker.Queues;
import se.hjalpmedelsnav.hub.intake.IntakeHeaders;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;
import se.hjalpmedelsnav.mappings.supplier.SupplierEvent;

/**
 * The supplier's events into the hub. The answer is 202 only once the event is durably on the
 * events queue; a malformed event gets 400 with the reasons and is not queued.
 */
@RestController
public class SupplierWebhook {

    private final ObjectMapper json = KommunMessageMappers.json();
    private final ProducerTemplate producer;
    private final SupplierEvents events;
    private final int maxBytes;

    public SupplierWebhook(ProducerTemplate producer, SupplierEvents events,
            @Value("${nav.webhook.max-bytes:65536}") int maxBytes) {
        this.producer = producer;
        this.events = events;
        this.maxBytes = maxBytes;
    }

    @PostMapping(path = "/api/supplier/events", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> receive(@RequestBody byte[] body) {
        if (body.length > maxBytes) {
            return ResponseEntity.status(413).body(Map.of("errors", List.of("event larger than " + maxBytes + " bytes")));
        }
        SupplierEvent event;
        try {
            event = json.readValue(body, SupplierEvent.class);
        } catch (JsonProcessingException e) {
            return ResponseEntity.badRequest().body(Map.of("errors", List.of("body is not a supplier event in JSON")));
        } catch (java.io.IOException e) {
            return ResponseEntity.badRequest().body(Map.of("errors", List.of("body could not be read")));
        }
        List<String> problems = events.problems(event);
        if (!problems.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("errors", problems));
        }
        // A plain persistent send: Artemis confirms it durably before returning, and drops a repeat of an
        // event id it has seen (a transacted send would fail the commit instead, and the supplier retry).
        producer.sendBodyAndHeader("jms:queue:" + Queues.SUPPLIER_EVENTS + "?jmsMessageType=Text&transacted=false",
                new String(body, java.nio.charset.StandardCharsets.UTF_8),
                IntakeHeaders.BROKER_DUPLICATE_ID, "supplier-event:" + event.eventId());
        return ResponseEntity.accepted().body(Map.of("eventId", event.eventId(), "status", "QUEUED"));
    }
}
