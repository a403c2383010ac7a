package se.hjalpmedelsnav.hub.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;

/**
 * The patient's identity never leaves the hub: a report whose free texts carry a personnummer is refused
 * before anything is written, and where a municipality puts the patient's name, personnummer and address in
 * the one field the hub accepts them in (its own messageId, its case reference), neither the XML nor the PDF
 * to Läkemedelsverket nor the manufacturer's copy carries them: only age and sex.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoPatientIdentityLeavesTheHubTest extends IncidentHubTest {

    /** The Swedish Tax Agency's well-known test personnummer; a fictional name and address. */
    private static final String PERSONNUMMER = "191212121212";
    private static final String NAME = "Tolvan.Tolvansson";
    private static final String ADDRESS = "Testgatan.12";
    private static final Pattern ANY_PERSONNUMMER = Pattern.compile("(?<![0-9])[0-9]{6,8}[-+]?[0-9]{4}(?![0-9])");

    KommunAmqpClient goteborg;

    @BeforeAll
    void connect() throws Exception {
        goteborg = new KommunAmqpClient(BROKER_PORT, "1480");
    }

    @AfterAll
    void disconnect() throws Exception {
        goteborg.close();
    }

    @Test
    void aReportWithAPersonnummerInItsFreeTextsIsRefusedAndNothingIsWritten() throws Exception {
        String messageId = TestIncidentReports.newMessageId();
        ObjectNode report = TestIncidentReports.valid(messageId, "1480", "SERIOUS_INJURY");
        report.put("description", "Patienten 19121212-1212 föll ur lyften.");
        report.put("actionsTaken", "Anhöriga till 121212-1212 är informerade.");

        goteborg.send(report);

        JsonNode receipt = goteborg.receipt(messageId);
        assertThat(receipt.path("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.path("errors")).extracting(e -> e.path("field").asText())
                .containsExactlyInAnyOrder("description", "actionsTaken");
        assertThat(receipt.toString()).doesNotContain("1212-1212");
        String hubReference = receipt.path("hubReference").asText();
        assertThat(OUTBOX.resolve(hubReference + ".xml")).doesNotExist();
        assertThat(OUTBOX.resolve(hubReference + ".pdf")).doesNotExist();
        assertThat(atManufacturer(hubReference)).isEmpty();
    }

    @Test
    void neitherReportCarriesThePatientsIdentityOnlyAgeAndSex() throws Exception {
        String messageId = NAME + "-" + PERSONNUMMER + "-" + ADDRESS;
        ObjectNode report = TestIncidentReports.valid(messageId, "1480", "SERIOUS_INJURY");

        goteborg.send(report);

        JsonNode receipt = goteborg.receipt(messageId);
        assertThat(receipt.path("status").asText()).as(receipt.toString()).isEqualTo("ACCEPTED");
        String hubReference = receipt.path("hubReference").asText();
        goteborg.awaitMessage(messageId, m -> "SENT".equals(m.path("status").asText()));
        JsonNode manufacturer = await().atMost(Duration.ofSeconds(30))
                .until(() -> atManufacturer(hubReference), found -> found.isPresent()).orElseThrow();

        String xml = Files.readString(OUTBOX.resolve(hubReference + ".xml"));
        String pdf = IncidentReportFlowTest.pdfText(OUTBOX.resolve(hubReference + ".pdf"));
        String copy = manufacturer.path("body").toString();
        IncidentReportFlowTest.validateAgainstTheAuthorityXsd(xml);
        for (String output : new String[] {xml, pdf, copy}) {
            // The hub reference (a random UUID) may hold ten digits in a row; it is the report's, not a person's.
            assertThat(ANY_PERSONNUMMER.matcher(output.replace(hubReference, "<hubReference>")).find()).as(output)
                    .isFalse();
            assertThat(output).doesNotContain("Tolvan", "Tolvansson", "Testgatan", messageId);
        }
        assertThat(xml).contains("<patient>", "<age>84</age>", "<sex>FEMALE</sex>");
        assertThat(pdf).contains("Ålder 84 år", "Kön Kvinna");
        assertThat(manufacturer.path("body").path("report").path("incidentInformation").path("patient").toString())
                .isEqualTo("{\"age\":84,\"sex\":\"FEMALE\"}");
    }
}
