package se.hjalpmedelsnav.hub.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.connectors.supplier.SupplierAccessToken;
import se.hjalpmedelsnav.broker.MessageProperties;
import se.hjalpmedelsnav.hub.stage.KommunEvents.KommunEvent;
import se.hjalpmedelsnav.hub.stage.PermanentFailure;
import se.hjalpmedelsnav.hub.supplier.SupplierAnswer;
import se.hjalpmedelsnav.hub.tracking.TrackingStatus;
import se.hjalpmedelsnav.hub.tracking.TrackingStore;
import se.hjalpmedelsnav.mappings.incident.IncidentReportMessage;
import se.hjalpmedelsnav.mappings.incident.ReportingDeadline;
import se.hjalpmedelsnav.mappings.incident.report.LakemedelsverketReportPdf;
import se.hjalpmedelsnav.mappings.incident.report.LakemedelsverketReportSchema;
import se.hjalpmedelsnav.mappings.incident.report.LakemedelsverketReportSchema.ReportNotValidException;
import se.hjalpmedelsnav.mappings.incident.report.LakemedelsverketReportWriter;
import se.hjalpmedelsnav.mappings.incident.report.ManufacturerIncidentReport;
import se.hjalpmedelsnav.mappings.message.IncidentReportStatusEvent;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;
import se.hjalpmedelsnav.mappings.registry.Municipality;
import se.hjalpmedelsnav.mappings.registry.RegistrySource;

/**
 * The steps of an incident report's way to its two recipients, called by name from {@link IncidentReportRoutes}.
 * Both reports are drawn from the canonical message and dated by the day the hub accepted it, so a
 * redelivery writes the same report again, under the same name.
 */
@Component
public class IncidentDeliveries {

    /** Exchange properties holding the report to Läkemedelsverket while it is delivered. */
    public static final String REPORT_XML = "navIncidentReportXml";
    public static final String REPORT_PDF = "navIncidentReportPdf";
    /** Exchange property of each recipient's stage: who the recipient is, in a failure's reason. */
    public static final String RECIPIENT = "navRecipient";

    private static final Logger log = LoggerFactory.getLogger(IncidentDeliveries.class);

    private final ObjectMapper json = KommunMessageMappers.json();
    private final LakemedelsverketReportWriter writer = new LakemedelsverketReportWriter();
    private final LakemedelsverketReportPdf pdf = new LakemedelsverketReportPdf();
    private final LakemedelsverketReportSchema schema = new LakemedelsverketReportSchema();
    private final IncidentReportStore store;
    private final TrackingStore tracking;
    private final RegistrySource registry;
    private final SupplierAccessToken accessToken;
    private final ReportingDeadline deadline;
    private final Clock clock;

    public IncidentDeliveries(IncidentReportStore store, TrackingStore tracking, RegistrySource registry,
            SupplierAccessToken accessToken, IncidentProperties properties, Clock clock) {
        this.store = store;
        this.tracking = tracking;
        this.registry = registry;
        this.accessToken = accessToken;
        this.deadline = new ReportingDeadline(properties.deadline().serious(), properties.deadline().other());
        this.clock = clock;
    }

    /** Starts tracking the report, with its deadline counted from when the hub accepted it. */
    public void track(@Body String canonical, @Header(MessageProperties.HUB_REFERENCE) String hubReference,
            @Header(MessageProperties.KOMMUN_CODE) String kommunCode,
            @Header(MessageProperties.MESSAGE_ID) String messageId) {
        IncidentReportMessage message = read(canonical);
        OffsetDateTime acceptedAt = acceptedAt(hubReference);
        if (store.trackIfAbsent(hubReference, kommunCode, messageId, message.consequence().name(), acceptedAt,
                deadline.dueAt(message.consequence(), acceptedAt))) {
            log.info("Incident report {} of {} ({}) tracked, due {}", hubReference, kommunCode,
                    message.consequence(), deadline.dueAt(message.consequence(), acceptedAt));
        }
    }

    public boolean alreadyWithAuthority(@ExchangeProperty(MessageProperties.HUB_REFERENCE) String hubReference) {
        return store.find(hubReference).map(report -> report.sentAt() != null).orElse(false);
    }

    public boolean alreadyWithManufacturer(@ExchangeProperty(MessageProperties.HUB_REFERENCE) String hubReference) {
        return store.find(hubReference).map(report -> report.manufacturerSentAt() != null).orElse(false);
    }

    /**
     * Writes the report to Läkemedelsverket, XML and PDF, into the exchange properties {@value #REPORT_XML} and
     * {@value #REPORT_PDF}. The XML is checked against its XSD here: nothing leaves that the schema refuses.
     */
    public void prepareAuthorityReport(@Body String canonical, Exchange exchange) {
        String hubReference = exchange.getProperty(MessageProperties.HUB_REFERENCE, String.class);
        IncidentReportMessage message = read(canonical);
        var acceptedDay = acceptedAt(hubReference).atZoneSameInstant(clock.getZone()).toLocalDate();
        String healthcareProvider = healthcareProvider(message.kommunCode());
        String xml = writer.toXml(message, hubReference, healthcareProvider, acceptedDay);
        try {
            schema.check(xml);
        } catch (ReportNotValidException invalid) {
            throw new ReportRefusedException(invalid);
        }
        exchange.setProperty(REPORT_XML, xml);
        exchange.setProperty(REPORT_PDF, pdf.render(message, hubReference, healthcareProvider, acceptedDay));
    }

    /** The HTTP channel's body: one multipart request with the XML ({@code report}) and the PDF ({@code pdf}). */
    public HttpEntity authorityMultipart(@ExchangeProperty(MessageProperties.HUB_REFERENCE) String hubReference,
            @ExchangeProperty(REPORT_XML) String xml, @ExchangeProperty(REPORT_PDF) byte[] reportPdf) {
        return MultipartEntityBuilder.create()
                .addBinaryBody("report", xml.getBytes(StandardCharsets.UTF_8),
                        ContentType.create("application/xml", StandardCharsets.UTF_8), hubReference + ".xml")
                .addBinaryBody("pdf", reportPdf, ContentType.create("application/pdf"), hubReference + ".pdf")
                .build();
    }

    public void deliveredToAuthority(@ExchangeProperty(MessageProperties.HUB_REFERENCE) String hubReference) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        store.markSent(hubReference, now);
        tracking.advanceStatus(hubReference, TrackingStatus.ACCEPTED, TrackingStatus.SENT_TO_AUTHORITY, now);
        log.info("Incident report {} delivered to Läkemedelsverket's channel", hubReference);
    }

    /** INCIDENT_REPORT_STATUS SENT for the municipality. */
    public KommunEvent sentEvent(@ExchangeProperty(MessageProperties.HUB_REFERENCE) String hubReference) {
        IncidentReportRecord report = store.find(hubReference)
                .orElseThrow(() -> new IllegalStateException("incident report " + hubReference + " is not tracked"));
        return IncidentStatusEvents.of(report, IncidentReportStatusEvent.sent(report.messageId(), hubReference,
                swedish(report.dueAt()), swedish(report.sentAt() == null ? OffsetDateTime.now(clock) : report.sentAt())));
    }

    /** The manufacturer's copy, in the sections of the EU Manufacturer Incident Report. */
    public String manufacturerCopy(@Body String canonical,
            @ExchangeProperty(MessageProperties.HUB_REFERENCE) String hubReference) {
        return manufacturerReport(canonical, hubReference).toJson();
    }

    /** The manufacturer's copy as the supplier's API takes it ({@code POST /incident-reports}). */
    public String supplierIncidentReport(@Body String canonical,
            @ExchangeProperty(MessageProperties.HUB_REFERENCE) String hubReference) throws JsonProcessingException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("incidentReportId", hubReference);
        body.put("report", manufacturerReport(canonical, hubReference));
        return json.writeValueAsString(body);
    }

    public String authorization() {
        return "Bearer " + accessToken.bearerToken();
    }

    /** The supplier's answer to the manufacturer's copy: taken, refused for good (parked at once), or try again. */
    public void supplierAnswered(@Header(Exchange.HTTP_RESPONSE_CODE) int status) {
        switch (SupplierAnswer.of(status)) {
            case TAKEN -> { }
            case REJECTED -> throw new RecipientRefusedException("the supplier refused the manufacturer's copy (HTTP "
                    + status + ")");
            case RETRY -> {
                if (status == 401 || status == 403) {
                    accessToken.invalidate();
                }
                throw new RecipientUnavailableException("the supplier's API answered HTTP " + status);
            }
        }
    }

    /** Any answer but 2xx from an HTTP channel is tried again, then parked with the status as its reason. */
    public void httpAnswered(@Header(Exchange.HTTP_RESPONSE_CODE) int status,
            @ExchangeProperty(RECIPIENT) String recipient) {
        if (status < 200 || status >= 300) {
            throw new RecipientUnavailableException(recipient + " answered HTTP " + status);
        }
    }

    public void deliveredToManufacturer(@ExchangeProperty(MessageProperties.HUB_REFERENCE) String hubReference) {
        store.markManufacturerSent(hubReference, OffsetDateTime.now(clock));
        log.info("Incident report {}: the manufacturer's copy is delivered", hubReference);
    }

    private ManufacturerIncidentReport manufacturerReport(String canonical, String hubReference) {
        IncidentReportMessage message = read(canonical);
        var acceptedDay = acceptedAt(hubReference).atZoneSameInstant(clock.getZone()).toLocalDate();
        return ManufacturerIncidentReport.from(message, hubReference, healthcareProvider(message.kommunCode()),
                acceptedDay);
    }

    private String healthcareProvider(String kommunCode) {
        // The municipality is the healthcare provider (vårdgivare); the registry holds its name.
        return registry.current().municipality(kommunCode).map(Municipality::name).orElse(kommunCode);
    }

    private OffsetDateTime acceptedAt(String hubReference) {
        return tracking.byHubReference(hubReference)
                .map(tracked -> tracked.receivedAt())
                .orElseGet(() -> OffsetDateTime.now(clock));
    }

    private OffsetDateTime swedish(OffsetDateTime at) {
        return at.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }

    private static IncidentReportMessage read(String canonical) {
        return KommunMessageMappers.readTrusted(canonical, IncidentReportMessage.class);
    }

    /** A recipient could not take the report now (5xx, time-out, a folder that cannot be written): try again later. */
    public static class RecipientUnavailableException extends RuntimeException {
        public RecipientUnavailableException(String message) {
            super(message);
        }
    }

    /** The report to Läkemedelsverket breaks its schema: no retry can mend it, it is parked at once. */
    public static class ReportRefusedException extends RuntimeException implements PermanentFailure {
        public ReportRefusedException(ReportNotValidException invalid) {
            super(invalid.getMessage(), invalid);
        }
    }

    /** A recipient refused the report for good: retrying cannot help, it is parked at once for an operator. */
    public static class RecipientRefusedException extends RuntimeException implements PermanentFailure {
        public RecipientRefusedException(String message) {
            super(message);
        }
    }
}
