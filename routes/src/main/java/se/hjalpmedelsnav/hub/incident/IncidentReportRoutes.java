package se.hjalpmedelsnav.hub.incident;

import static org.apache.camel.builder.endpoint.StaticEndpointBuilders.file;
import static org.apache.camel.builder.endpoint.StaticEndpointBuilders.sftp;

import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.endpoint.dsl.SftpEndpointBuilderFactory.SftpEndpointProducerBuilder;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.hub.stage.KommunEvents;
import se.hjalpmedelsnav.hub.stage.StageRouteBuilder;
import se.hjalpmedelsnav.broker.MessageProperties;

/**
 * Accepted incident reports to Läkemedelsverket and to the manufacturer, and their tracking until
 * Läkemedelsverket confirms it has the report.
 *
 * <pre>
 * nav.internal.incident.reports ─▶ incident-dispatch (track, deadline) ─┬▶ nav.internal.incident.authority
 *                                                                       └▶ nav.internal.incident.manufacturer
 * nav.internal.incident.authority ─▶ incident-authority-deliver: XML (XSD-checked) + PDF ─▶ FOLDER | SFTP | HTTP,
 *      then INCIDENT_REPORT_STATUS SENT to the municipality
 * nav.internal.incident.manufacturer ─▶ incident-manufacturer-deliver: EU MIR sections ─▶ SUPPLIER | FOLDER | HTTP
 * confirmation file | admin API ─▶ SUBMITTED with the authority's reference;  timer ─▶ OVERDUE alerts
 * </pre>
 *
 * Each recipient has its own stage: one failing is retried and parked on its own dead-letter queue while
 * the other is delivered once. A stage's delivery is idempotent (file names from the hub reference, the
 * {@code Idempotency-Key} over HTTP), and a report recorded as delivered is not delivered again.
 */
@Component
public class IncidentReportRoutes extends StageRouteBuilder {

    private static final String FILE_NAME = Exchange.FILE_NAME;
    /** Never a half-written report under its final name. */
    private static final String TEMPORARY_NAME = "${file:onlyname}.part";

    private final IncidentProperties properties;

    public IncidentReportRoutes(IncidentProperties properties) {
        this.properties = properties;
    }

    /**
     * The channel routes ({@code direct:incident-*-<channel>}) have no error handler of their own: a failure
     * there belongs to the stage that called them, whose error handling retries and parks it.
     */
    @Override
    public void configure() {
        requireChannelSettings();
        dispatch();
        authority();
        manufacturer();
        confirmationFiles();
        deadline();
    }

    /** A channel without its address fails the start with the property to set, not the first report. */
    private void requireChannelSettings() {
        var authority = properties.authority();
        switch (authority.channel()) {
            case FOLDER -> require(authority.folder(), "nav.incident.authority.folder");
            case SFTP -> {
                require(authority.sftp() == null ? null : authority.sftp().host(), "nav.incident.authority.sftp.host");
                require(authority.sftp().username(), "nav.incident.authority.sftp.username");
                require(authority.sftp().knownHostsFile(), "nav.incident.authority.sftp.known-hosts-file");
            }
            case HTTP -> require(authority.http() == null ? null : authority.http().url(),
                    "nav.incident.authority.http.url");
        }
        var manufacturer = properties.manufacturer();
        switch (manufacturer.channel()) {
            case SUPPLIER -> { }
            case FOLDER -> require(manufacturer.folder(), "nav.incident.manufacturer.folder");
            case HTTP -> require(manufacturer.http() == null ? null : manufacturer.http().url(),
                    "nav.incident.manufacturer.http.url");
        }
        require(properties.confirmations().folder(), "nav.incident.confirmations.folder");
        require(properties.confirmations().errorFolder(), "nav.incident.confirmations.error-folder");
    }

    private static void require(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " must be set for the configured incident report channel");
        }
    }

    private void dispatch() {
        stage("incident-dispatch", Queues.INCIDENT_REPORTS)
                .removeHeaders("*", MessageProperties.KOMMUN_CODE, MessageProperties.HUB_REFERENCE, MessageProperties.MESSAGE_ID,
                        MessageProperties.MESSAGE_TYPE, "JMSXDeliveryCount")
                .bean(IncidentDeliveries.class, "track").id("incident-track")
                .removeHeader("JMSXDeliveryCount")
                .to("jms:queue:" + Queues.INCIDENT_TO_AUTHORITY + "?jmsMessageType=Text").id("to-incident-authority")
                .to("jms:queue:" + Queues.INCIDENT_TO_MANUFACTURER + "?jmsMessageType=Text")
                .id("to-incident-manufacturer")
                .log("Incident report ${header.navHubReference} of ${header.navKommunCode} handed to its two recipients");
    }

    private void authority() {
        // A report its schema refuses, or one the channel refuses for good, is a PermanentFailure: parked at once.
        stage("incident-authority-deliver", Queues.INCIDENT_TO_AUTHORITY)
                .setProperty(IncidentDeliveries.RECIPIENT, constant("Läkemedelsverket's channel"))
                // Recorded as delivered (a redelivery after the record, or a copy the intake handed on again):
                // not delivered again, but SENT is sent, as that record may be all that survived last time.
                .choice()
                    .when(method(IncidentDeliveries.class, "alreadyWithAuthority"))
                        .log("Incident report ${exchangeProperty.navHubReference} is with Läkemedelsverket's channel "
                                + "already; not delivered again")
                    .otherwise()
                        .bean(IncidentDeliveries.class, "prepareAuthorityReport").id("incident-authority-report")
                        .to("direct:incident-authority-" + properties.authority().channel().name().toLowerCase())
                        .id("incident-authority-channel")
                        .bean(IncidentDeliveries.class, "deliveredToAuthority")
                .end()
                .setBody(method(IncidentDeliveries.class, "sentEvent"))
                .to(KommunEvents.OUT);

        switch (properties.authority().channel()) {
            case FOLDER -> from("direct:incident-authority-folder").routeId("incident-authority-folder")
                    .errorHandler(noErrorHandler())
                    .setHeader(FILE_NAME, simple("${exchangeProperty.navHubReference}.pdf"))
                    .setBody(exchangeProperty(IncidentDeliveries.REPORT_PDF))
                    .to(file(folder(properties.authority().folder())).tempFileName(TEMPORARY_NAME).fileExist("Override"))
                    .setHeader(FILE_NAME, simple("${exchangeProperty.navHubReference}.xml"))
                    .setBody(exchangeProperty(IncidentDeliveries.REPORT_XML))
                    .to(file(folder(properties.authority().folder())).tempFileName(TEMPORARY_NAME).fileExist("Override")
                            .charset("UTF-8"));
            case SFTP -> from("direct:incident-authority-sftp").routeId("incident-authority-sftp")
                    .errorHandler(noErrorHandler())
                    .setHeader(FILE_NAME, simple("${exchangeProperty.navHubReference}.pdf"))
                    .setBody(exchangeProperty(IncidentDeliveries.REPORT_PDF))
                    .to(sftpFolder())
                    .setHeader(FILE_NAME, simple("${exchangeProperty.navHubReference}.xml"))
                    .setBody(exchangeProperty(IncidentDeliveries.REPORT_XML))
                    .to(sftpFolder());
            case HTTP -> from("direct:incident-authority-http").routeId("incident-authority-http")
                    .errorHandler(noErrorHandler())
                    .setBody(method(IncidentDeliveries.class, "authorityMultipart"))
                    .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                    .setHeader("Idempotency-Key", exchangeProperty(MessageProperties.HUB_REFERENCE))
                    .to(properties.authority().http().url() + "?throwExceptionOnFailure=false"
                            + "&headerFilterStrategy=#supplierHeaderFilter"
                            + "&connectTimeout=" + properties.authority().http().connectTimeoutMs()
                            + "&responseTimeout=" + properties.authority().http().responseTimeoutMs())
                    .bean(IncidentDeliveries.class, "httpAnswered");
        }
    }

    private void manufacturer() {
        stage("incident-manufacturer-deliver", Queues.INCIDENT_TO_MANUFACTURER)
                .setProperty(IncidentDeliveries.RECIPIENT, constant("the manufacturer's channel"))
                .filter(method(IncidentDeliveries.class, "alreadyWithManufacturer").isEqualTo(false))
                    // Only what the channel sets goes out; the delivery count stays for the error handling.
                    .removeHeaders("*", "JMSXDeliveryCount")
                    .to("direct:incident-manufacturer-" + properties.manufacturer().channel().name().toLowerCase())
                    .id("incident-manufacturer-channel")
                    .bean(IncidentDeliveries.class, "deliveredToManufacturer")
                .end();

        switch (properties.manufacturer().channel()) {
            case SUPPLIER -> from("direct:incident-manufacturer-supplier").routeId("incident-manufacturer-supplier")
                    .errorHandler(noErrorHandler())
                    .setBody(method(IncidentDeliveries.class, "supplierIncidentReport"))
                    .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                    .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                    .setHeader("Idempotency-Key", exchangeProperty(MessageProperties.HUB_REFERENCE))
                    .setHeader("Authorization", method(IncidentDeliveries.class, "authorization"))
                    .to("{{nav.supplier.api.url}}/incident-reports?throwExceptionOnFailure=false"
                            + "&headerFilterStrategy=#supplierHeaderFilter"
                            + "&connectTimeout={{nav.supplier.api.connect-timeout-ms:5000}}"
                            + "&responseTimeout={{nav.supplier.api.response-timeout-ms:15000}}")
                    .removeHeader("Authorization")
                    .bean(IncidentDeliveries.class, "supplierAnswered");
            case FOLDER -> from("direct:incident-manufacturer-folder").routeId("incident-manufacturer-folder")
                    .errorHandler(noErrorHandler())
                    .setBody(method(IncidentDeliveries.class, "manufacturerCopy"))
                    .setHeader(FILE_NAME, simple("${exchangeProperty.navHubReference}.json"))
                    .to(file(folder(properties.manufacturer().folder())).tempFileName(TEMPORARY_NAME)
                            .fileExist("Override").charset("UTF-8"));
            case HTTP -> from("direct:incident-manufacturer-http").routeId("incident-manufacturer-http")
                    .errorHandler(noErrorHandler())
                    .setBody(method(IncidentDeliveries.class, "manufacturerCopy"))
                    .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                    .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                    .setHeader("Idempotency-Key", exchangeProperty(MessageProperties.HUB_REFERENCE))
                    .to(properties.manufacturer().http().url() + "?throwExceptionOnFailure=false"
                            + "&headerFilterStrategy=#supplierHeaderFilter"
                            + "&connectTimeout=" + properties.manufacturer().http().connectTimeoutMs()
                            + "&responseTimeout=" + properties.manufacturer().http().responseTimeoutMs())
                    .bean(IncidentDeliveries.class, "httpAnswered");
        }
    }

    /**
     * Confirmation files: one JSON object per file (see {@code AuthorityConfirmation}). A file used, or a repeat
     * of one used before, goes to {@code processed/}; one that cannot be used goes to the error folder with
     * {@code <name>.reason.txt} beside it. A failure that may pass (the database away) leaves the file to be
     * read again.
     */
    private void confirmationFiles() {
        String processed = folder(properties.confirmations().folder() + "/processed");
        String error = folder(properties.confirmations().errorFolder());
        from(file(folder(properties.confirmations().folder()))
                .include(".*\\.json")
                .readLock("changed").readLockCheckInterval(200).readLockTimeout(5000)
                .move("${exchangeProperty.navConfirmationTarget}/${file:onlyname}")
                .delay(properties.confirmations().pollDelay().toMillis()))
                .routeId("incident-confirmation-files")
                .setProperty("navConfirmationTarget", constant(processed))
                .bean(ConfirmationFiles.class, "apply").id("incident-confirm")
                .filter(body().isNotNull())
                    .setProperty("navConfirmationTarget", constant(error))
                    .log(LoggingLevel.WARN, "Confirmation file ${file:onlyname} not used: ${body}")
                    .setHeader(FILE_NAME, simple("${file:onlyname}.reason.txt"))
                    .to(file(error).charset("UTF-8"))
                .end();
    }

    private void deadline() {
        from("timer:incident-deadline?period=" + properties.deadline().checkInterval().toMillis() + "&delay=1000")
                .routeId("incident-deadline-check")
                .bean(IncidentDeadlines.class, "overdue")
                .split(body())
                    .bean(IncidentDeadlines.class, "raiseAlert").id("incident-overdue-alert")
                .end();
    }

    private static String folder(String folder) {
        return Path.of(folder).toAbsolutePath().normalize().toString();
    }

    /** The SFTP folder of the authority channel; package-visible for its test against a real SSH server. */
    SftpEndpointProducerBuilder sftpFolder() {
        IncidentProperties.Sftp server = properties.authority().sftp();
        SftpEndpointProducerBuilder endpoint = sftp(server.host() + ":" + server.port() + "/" + server.directory())
                .username(server.username())
                .strictHostKeyChecking("yes")
                .useUserKnownHostsFile(false)
                .tempFileName(TEMPORARY_NAME)
                .fileExist("Override");
        if (server.knownHostsFile() != null && !server.knownHostsFile().isBlank()) {
            endpoint.knownHostsFile(server.knownHostsFile());
        }
        if (server.password() != null && !server.password().isBlank()) {
            // The secret is read from the property when the endpoint is made; it never stands in the URI.
            endpoint.password("#property:nav.incident.authority.sftp.password");
        }
        if (server.privateKeyFile() != null && !server.privateKeyFile().isBlank()) {
            endpoint.privateKeyFile(server.privateKeyFile());
        }
        return endpoint;
    }
}
