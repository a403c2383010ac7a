package se.hjalpmedelsnav.hub.supplier.filedrop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.connectors.filedrop.FileDropEndpoints;
import se.hjalpmedelsnav.broker.MessageProperties;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;
import se.hjalpmedelsnav.mappings.supplier.SupplierEvent;
import se.hjalpmedelsnav.mappings.supplier.filedrop.SupplierStatusFileReader;

/**
 * The supplier's status files, read from the file drop's inbox into the same event JSON its webhook
 * takes, and the note the hub leaves beside a file it could not read.
 */
@Component
public class StatusFiles {

    private static final Logger log = LoggerFactory.getLogger(StatusFiles.class);

    private final ObjectMapper json = KommunMessageMappers.json();
    private final SupplierStatusFileReader reader = new SupplierStatusFileReader();
    private final FileDropEndpoints endpoints;
    private final CamelContext camel;
    private final Clock clock;
    private ProducerTemplate notes;

    public StatusFiles(FileDropEndpoints endpoints, CamelContext camel, Clock clock) {
        this.endpoints = endpoints;
        this.camel = camel;
        this.clock = clock;
    }

    /**
     * The event JSON the file carries, with the broker's duplicate id set from the event id and its message group
     * from the hub reference (the events of one message stay in order); null for a
     * file that carries no news (an order response that only acknowledges receipt).
     */
    public String toSupplierEvent(@Body byte[] file, Message message) throws JsonProcessingException {
        String name = message.getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Optional<SupplierEvent> event = reader.read(file, OffsetDateTime.now(clock));
        message.removeHeaders("*");
        if (event.isEmpty()) {
            log.info("Status file {} carries no news; moved aside", name);
            return null;
        }
        SupplierEvent read = event.get();
        log.info("Status file {}: {} {} for {}", name, read.eventType(), read.status().name(), read.reference());
        message.setHeader(MessageProperties.BROKER_DUPLICATE_ID, "supplier-event:" + read.eventId());
        message.setHeader(MessageProperties.GROUP_ID, read.reference());
        return json.writeValueAsString(read);
    }

    /**
     * Leaves {@code <file>.reason.txt} in the error folder, where the file itself is moved. The reason is
     * the reader's own message (where the file breaks, or what it lacks; never its content).
     */
    public void leaveReason(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String reason = failure instanceof IllegalArgumentException
                ? "The status file was refused: " + failure.getMessage()
                : "The hub could not pass the status file on (" + (failure == null ? "unknown" : failure.getClass().getSimpleName())
                        + "); move it back to the inbox to try again.";
        log.warn("Status file {} moved to the error folder: {}", name, reason);
        notes().send(endpoints.errorNotes().resolve(camel), note -> {
            note.getIn().setHeader(Exchange.FILE_NAME, name + ".reason.txt");
            note.getIn().setBody(reason + System.lineSeparator());
        });
    }

    private synchronized ProducerTemplate notes() {
        if (notes == null) {
            notes = camel.createProducerTemplate();
        }
        return notes;
    }
}
