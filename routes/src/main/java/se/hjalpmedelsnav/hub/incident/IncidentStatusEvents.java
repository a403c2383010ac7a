package se.hjalpmedelsnav.hub.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.hub.broker.Queues;
import se.hjalpmedelsnav.hub.intake.IntakeHeaders;
import se.hjalpmedelsnav.mappings.message.IncidentReportStatusEvent;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;

/**
 * Sends an INCIDENT_REPORT_STATUS event to the municipality outside a stage (a confirmation, a deadline
 * alert). The send is a plain persistent one, durable on the broker when this returns; callers make it
 * inside the database transaction that records the change, so a failed send undoes the record and the
 * change can be made again.
 */
@Component
public class IncidentStatusEvents {

    private final ObjectMapper json = KommunMessageMappers.json();
    private final ProducerTemplate producer;

    public IncidentStatusEvents(ProducerTemplate producer) {
        this.producer = producer;
    }

    public void send(IncidentReportRecord report, IncidentReportStatusEvent event) {
        String body;
        try {
            body = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the status event of " + report.hubReference(), e);
        }
        // transacted=false: not deferred to the end of the database transaction, so a failure shows here.
        producer.sendBodyAndHeaders("jms:queue:" + Queues.kommunOut(report.kommunCode())
                        + "?jmsMessageType=Text&transacted=false", body,
                Map.of("JMSCorrelationID", report.messageId(),
                        IntakeHeaders.EVENT_TYPE, IncidentReportStatusEvent.TYPE,
                        IntakeHeaders.HUB_REFERENCE, report.hubReference()));
    }
}
