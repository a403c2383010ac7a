package se.hjalpmedelsnav.hub.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;

/**
 * An incident report end to end through the broker: accepted, the report to Läkemedelsverket (XML valid
 * against its XSD, and a PDF) in the outbox, the manufacturer's copy at the supplier, SENT, then SUBMITTED
 * with the authority's reference once Läkemedelsverket's confirmation is fed back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentReportFlowTest extends IncidentHubTest {

    KommunAmqpClient goteborg;

    @BeforeAll
    void connect() throws Exception {
        goteborg = new KommunAmqpClient(BROKER_PORT, "1480");
    }

    @AfterAll
    void disconnect() throws Exception {
        goteborg.close();
    }

    private JsonNode status(String messageId, String status) {
        return goteborg.awaitMessage(messageId, m -> "INCIDENT_REPORT_STATUS".equals(m.path("type").asText())
                && status.equals(m.path("status").asText()));
    }

    private long count(String messageId, String status) {
        return goteborg.receivedFor(messageId).stream()
                .filter(m -> "INCIDENT_REPORT_STATUS".equals(m.path("type").asText())
                        && status.equals(m.path("status").asText()))
                .count();
    }

    /** Sends a valid report and waits until both recipients have it; gives its hub reference. */
    private String deliveredReport(String messageId, String consequence) throws Exception {
        goteborg.send(TestIncidentReports.valid(messageId, "1480", consequence));
        JsonNode receipt = goteborg.receipt(messageId);
        assertThat(receipt.path("status").asText()).as(receipt.toString()).isEqualTo("ACCEPTED");
        String hubReference = receipt.path("hubReference").asText();
        status(messageId, "SENT");
        await().atMost(Duration.ofSeconds(30)).until(() -> atManufacturer(hubReference).isPresent());
        return hubReference;
    }

    @Test
    void filesAReportWithLakemedelsverketAndTheManufacturerAndReportsItSentThenSubmitted() throws Exception {
        String messageId = TestIncidentReports.newMessageId();

        goteborg.send(TestIncidentReports.valid(messageId, "1480", "SERIOUS_INJURY"));

        JsonNode receipt = goteborg.receipt(messageId);
        assertThat(receipt.path("status").asText()).as(receipt.toString()).isEqualTo("ACCEPTED");
        String hubReference = receipt.path("hubReference").asText();

        JsonNode sent = status(messageId, "SENT");
        assertThat(sent.path("hubReference").asText()).isEqualTo(hubReference);
        // A serious injury: two days from acceptance to confirm it.
        assertThat(Duration.between(OffsetDateTime.parse(receipt.path("at").asText()),
                OffsetDateTime.parse(sent.path("dueAt").asText()))).isEqualTo(Duration.ofDays(2));

        Path xml = OUTBOX.resolve(hubReference + ".xml");
        Path pdf = OUTBOX.resolve(hubReference + ".pdf");
        assertThat(xml).exists();
        assertThat(pdf).exists();
        try (var files = Files.list(OUTBOX)) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".part"));
        }
        String report = Files.readString(xml);
        validateAgainstTheAuthorityXsd(report);
        assertThat(report).contains("<reportReference>" + hubReference + "</reportReference>",
                "<consequence>SERIOUS_INJURY</consequence>", "<healthcareProvider>Göteborg</healthcareProvider>",
                "<udiDi>07350012345679</udiDi>", "<age>84</age>", "<sex>FEMALE</sex>");
        String pdfText = pdfText(pdf);
        assertThat(pdfText).contains("Rapport om negativ händelse eller tillbud med medicinteknisk produkt",
                hubReference, "Allvarlig försämring av hälsotillståndet", "Fiktiv Talapparat", "84 år", "Kvinna");

        JsonNode manufacturer = await().atMost(Duration.ofSeconds(30))
                .until(() -> atManufacturer(hubReference), found -> found.isPresent()).orElseThrow();
        assertThat(manufacturer.path("receivedCount").asInt()).isEqualTo(1);
        JsonNode copy = manufacturer.path("body").path("report");
        assertThat(copy.path("administrativeInformation").path("reportReference").asText()).isEqualTo(hubReference);
        assertThat(copy.path("administrativeInformation").path("alsoReportedTo").asText()).contains("Läkemedelsverket");
        assertThat(copy.path("deviceInformation").path("udiDi").asText()).isEqualTo("07350012345679");
        assertThat(copy.path("incidentInformation").path("consequence").asText()).isEqualTo("SERIOUS_INJURY");
        assertThat(copy.path("incidentInformation").path("patient").toString()).isEqualTo("{\"age\":84,\"sex\":\"FEMALE\"}");

        var confirmed = confirm(hubReference, "6.3.4-2026-012345");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        JsonNode submitted = status(messageId, "SUBMITTED");
        assertThat(submitted.path("authorityReference").asText()).isEqualTo("6.3.4-2026-012345");
        assertThat(submitted.path("hubReference").asText()).isEqualTo(hubReference);

        JsonNode tracked = JSON.readTree(getAs("viewer", "viewer-dev", "/api/admin/incident-reports/" + hubReference).body());
        assertThat(tracked.path("kommunCode").asText()).isEqualTo("1480");
        assertThat(tracked.path("authorityReference").asText()).isEqualTo("6.3.4-2026-012345");
        assertThat(tracked.path("sentAt").isNull()).isFalse();
        assertThat(tracked.path("manufacturerSentAt").isNull()).isFalse();
        JsonNode message = JSON.readTree(getAs("viewer", "viewer-dev", "/api/admin/messages?hubReference=" + hubReference)
                .body()).get(0);
        assertThat(message.path("status").asText()).isEqualTo("SUBMITTED");
    }

    @Test
    void aRepeatedConfirmationSendsNoSecondSubmitted() throws Exception {
        String messageId = TestIncidentReports.newMessageId();
        String hubReference = deliveredReport(messageId, "DEATH");
        assertThat(confirm(hubReference, "6.3.4-2026-000777").statusCode()).isEqualTo(200);
        status(messageId, "SUBMITTED");

        var again = confirm(hubReference, "6.3.4-2026-000777");
        var other = confirm(hubReference, "6.3.4-2026-999999");

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("alreadyConfirmed").asBoolean()).isTrue();
        assertThat(other.statusCode()).as("another reference for a confirmed report").isEqualTo(409);
        // Events reach the queue in order: once a later report's SUBMITTED is there, a second one of this would be too.
        String laterMessageId = TestIncidentReports.newMessageId();
        String later = deliveredReport(laterMessageId, "DEATH");
        confirm(later, "6.3.4-2026-000778");
        status(laterMessageId, "SUBMITTED");
        assertThat(count(messageId, "SUBMITTED")).isEqualTo(1);
        assertThat(count(messageId, "SENT")).isEqualTo(1);
    }

    @Test
    void aConfirmationNeedsTheAdminRoleAKnownReportAndAReference() throws Exception {
        String hubReference = deliveredReport(TestIncidentReports.newMessageId(), "SERIOUS_INJURY");
        String body = JSON.createObjectNode().put("authorityReference", "6.3.4-2026-1").toString();

        assertThat(postAs("viewer", "viewer-dev", "/api/admin/incident-reports/" + hubReference + "/confirmation", body)
                .statusCode()).isEqualTo(403);
        assertThat(postJson("/api/admin/incident-reports/" + hubReference + "/confirmation", body).statusCode())
                .isEqualTo(401);
        assertThat(confirm("00000000-0000-0000-0000-000000000000", "6.3.4-2026-1").statusCode()).isEqualTo(404);
        assertThat(confirm(hubReference, " ").statusCode()).isEqualTo(400);
    }

    @Test
    void aConfirmationFileSubmitsTheReportAndIsMovedAside() throws Exception {
        String messageId = TestIncidentReports.newMessageId();
        String hubReference = deliveredReport(messageId, "SERIOUS_INJURY");
        Files.createDirectories(CONFIRMATIONS);
        Path file = CONFIRMATIONS.resolve("kvitto-" + hubReference + ".json");

        Files.writeString(file, JSON.createObjectNode().put("hubReference", hubReference)
                .put("authorityReference", "6.3.4-2026-004711").toString());

        assertThat(status(messageId, "SUBMITTED").path("authorityReference").asText()).isEqualTo("6.3.4-2026-004711");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(CONFIRMATIONS.resolve("processed")
                .resolve(file.getFileName())));
        assertThat(file).doesNotExist();
    }

    @Test
    void aConfirmationFileThatCannotBeUsedGoesToTheErrorFolderWithItsReason() throws Exception {
        Files.createDirectories(CONFIRMATIONS);
        Path malformed = CONFIRMATIONS.resolve("trasig.json");
        Path unknown = CONFIRMATIONS.resolve("okand.json");

        Files.writeString(malformed, "{\"hubReference\": \"19121212-1212 Tolvan\"");
        Files.writeString(unknown, JSON.createObjectNode().put("hubReference", "00000000-0000-0000-0000-000000000000")
                .put("authorityReference", "6.3.4-2026-1").toString());

        Path errors = CONFIRMATIONS.resolve("error");
        // The reason is written first and the file moved beside it when its exchange completes: wait for both.
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(errors.resolve("trasig.json.reason.txt"))
                && Files.exists(errors.resolve("okand.json.reason.txt")) && Files.exists(errors.resolve("trasig.json"))
                && Files.exists(errors.resolve("okand.json")));
        assertThat(errors.resolve("trasig.json")).exists();
        assertThat(Files.readString(errors.resolve("trasig.json.reason.txt"))).contains("not JSON")
                .doesNotContain("1912", "Tolvan");
        assertThat(Files.readString(errors.resolve("okand.json.reason.txt"))).contains("no incident report");
        assertThat(errors.resolve("okand.json")).exists();
        assertThat(malformed).doesNotExist();
    }

    @Test
    void refusesAReportWithAnInvalidUdiAFutureDateAndAPersonalIdentityNumberAllAtOnce() throws Exception {
        String messageId = TestIncidentReports.newMessageId();
        ObjectNode report = TestIncidentReports.valid(messageId, "1480", "INJURY");
        ((ObjectNode) report.path("device")).put("udiDi", "07350012345678");
        report.put("eventDate", "2026-11-24");
        report.put("description", "Brukaren 19121212-1212 föll när lyften gav vika.");

        goteborg.send(report);

        JsonNode receipt = goteborg.receipt(messageId);
        assertThat(receipt.path("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.path("errors")).extracting(e -> e.path("code").asText() + " " + e.path("field").asText())
                .containsExactlyInAnyOrder("UDI_INVALID device.udiDi", "SCHEMA_INVALID eventDate",
                        "SCHEMA_INVALID description");
        assertThat(receipt.toString()).doesNotContain("19121212", "07350012345678");
        assertThat(OUTBOX.resolve(receipt.path("hubReference").asText() + ".xml")).doesNotExist();
    }

    @Test
    void refusesAReportMissingRequiredFieldsNamingEveryOne() throws Exception {
        String messageId = TestIncidentReports.newMessageId();
        ObjectNode report = TestIncidentReports.valid(messageId, "1480", "INJURY");
        report.remove("consequence");
        report.remove("eventDate");
        ((ObjectNode) report.path("device")).remove("manufacturer");
        ((ObjectNode) report.path("reporter")).remove("email");

        goteborg.send(report);

        JsonNode receipt = goteborg.receipt(messageId);
        assertThat(receipt.path("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.path("errors")).extracting(e -> e.path("code").asText()).containsOnly("SCHEMA_INVALID");
        assertThat(receipt.path("errors")).extracting(e -> e.path("field").asText())
                .contains("consequence", "eventDate", "device.manufacturer", "reporter.email");
    }

    @Test
    void aRepeatedMessageIdIsAnsweredWithTheOriginalReceiptAndFilesNothingTwice() throws Exception {
        String messageId = TestIncidentReports.newMessageId();
        String hubReference = deliveredReport(messageId, "SERIOUS_INJURY");

        goteborg.send(TestIncidentReports.valid(messageId, "1480", "SERIOUS_INJURY"));

        JsonNode duplicate = goteborg.awaitMessage(messageId, m -> m.path("duplicate").asBoolean());
        assertThat(duplicate.path("hubReference").asText()).isEqualTo(hubReference);
        String laterMessageId = TestIncidentReports.newMessageId();
        String later = deliveredReport(laterMessageId, "SERIOUS_INJURY");
        assertThat(atManufacturer(later)).isPresent();
        assertThat(atManufacturer(hubReference).orElseThrow().path("receivedCount").asInt()).isEqualTo(1);
        assertThat(count(messageId, "SENT")).isEqualTo(1);
    }

    @Test
    void theExampleInTheReadmeIsAcceptedAndFiled() throws Exception {
        String messageId = TestIncidentReports.newMessageId();
        ObjectNode example = (ObjectNode) JSON.readTree(Path.of("../examples/incident-report.json").toFile());
        example.put("messageId", messageId);

        goteborg.send(example);

        JsonNode receipt = goteborg.receipt(messageId);
        assertThat(receipt.path("status").asText()).as(receipt.toString()).isEqualTo("ACCEPTED");
        status(messageId, "SENT");
        validateAgainstTheAuthorityXsd(Files.readString(OUTBOX.resolve(receipt.path("hubReference").asText() + ".xml")));
    }

    static void validateAgainstTheAuthorityXsd(String xml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        var xsd = IncidentReportFlowTest.class.getResource("/schema/lakemedelsverket/incident-report.xsd");
        factory.newSchema(new StreamSource(xsd.openStream(), xsd.toExternalForm())).newValidator()
                .validate(new StreamSource(new StringReader(xml)));
    }

    static String pdfText(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
