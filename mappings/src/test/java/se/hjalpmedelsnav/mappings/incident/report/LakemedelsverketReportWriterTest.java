package se.hjalpmedelsnav.mappings.incident.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.hjalpmedelsnav.mappings.incident.report.IncidentReports.HUB_REFERENCE;
import static se.hjalpmedelsnav.mappings.incident.report.IncidentReports.MUNICIPALITY_NAME;
import static se.hjalpmedelsnav.mappings.incident.report.IncidentReports.REPORT_DATE;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import java.io.StringReader;
import java.util.stream.Stream;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.SAXException;
import se.hjalpmedelsnav.mappings.incident.Consequence;
import se.hjalpmedelsnav.mappings.incident.IncidentDevice;
import se.hjalpmedelsnav.mappings.incident.IncidentReportBuilder;
import se.hjalpmedelsnav.mappings.incident.IncidentReportMessage;
import se.hjalpmedelsnav.mappings.incident.Patient;
import se.hjalpmedelsnav.mappings.incident.PatientSex;
import se.hjalpmedelsnav.mappings.incident.Reporter;
import se.hjalpmedelsnav.mappings.incident.report.lakemedelsverket.IncidentReport;

class LakemedelsverketReportWriterTest {

    private final LakemedelsverketReportWriter writer = new LakemedelsverketReportWriter();

    static Stream<Arguments> reports() {
        return Stream.of(
                Arguments.of("a full report", IncidentReports.valid()),
                Arguments.of("no patient involved", IncidentReports.withPatient(null)),
                Arguments.of("patient of unknown age", IncidentReports.withPatient(new Patient(null, PatientSex.UNKNOWN))),
                Arguments.of("device with only its required fields", IncidentReports.withDevice(
                        new IncidentDevice("Fiktiv Rollator", "Testtillverkaren AB", null, null, null, null, null,
                                Boolean.FALSE))),
                Arguments.of("blank optional texts", IncidentReports.withDevice(
                        new IncidentDevice("Fiktiv Rollator", "Testtillverkaren AB", " ", "", " ", "", " ",
                                Boolean.TRUE))),
                Arguments.of("no actions and no reporter role", IncidentReports.withReporter(
                        new Reporter("Hemtjänst Öster (fiktiv)", IncidentReportBuilder.REPORTER_NAME, null,
                                IncidentReportBuilder.REPORTER_PHONE, IncidentReportBuilder.REPORTER_EMAIL))),
                Arguments.of("device not kept", IncidentReports.withKeptForInvestigation(Boolean.FALSE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void writesReportThatValidatesAgainstItsSchema(String variant, IncidentReportMessage message) {
        String xml = writer.toXml(message, HUB_REFERENCE, MUNICIPALITY_NAME, REPORT_DATE);

        assertThatCode(() -> IncidentReportSchema.validate(xml)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(Consequence.class)
    void writesEveryConsequenceTheSchemaKnows(Consequence consequence) throws Exception {
        String xml = writer.toXml(IncidentReports.withConsequence(consequence), HUB_REFERENCE, MUNICIPALITY_NAME,
                REPORT_DATE);

        IncidentReportSchema.validate(xml);
        assertThat(read(xml).getEvent().getConsequence().value()).isEqualTo(consequence.name());
    }

    @Test
    void carriesTheFormsContentUnderTheHubReference() throws Exception {
        String xml = writer.toXml(IncidentReports.valid(), HUB_REFERENCE, MUNICIPALITY_NAME, REPORT_DATE);

        assertThat(xml).contains("urn:hjalpmedelsnav:lakemedelsverket:incident:1");
        IncidentReport report = read(xml);
        assertThat(report.getReportReference()).isEqualTo(HUB_REFERENCE);
        assertThat(report.getReportDate().toXMLFormat()).isEqualTo("2026-03-02");
        assertThat(report.getReporter().getHealthcareProvider()).isEqualTo(MUNICIPALITY_NAME);
        assertThat(report.getReporter().getMunicipalityCode()).isEqualTo(IncidentReports.valid().kommunCode());
        assertThat(report.getReporter().getOrganisation()).isEqualTo("Hemsjukvård Väster (fiktiv)");
        assertThat(report.getReporter().getName()).isEqualTo(IncidentReportBuilder.REPORTER_NAME);
        assertThat(report.getReporter().getRole()).isEqualTo("MAS");
        assertThat(report.getReporter().getEmail()).isEqualTo(IncidentReportBuilder.REPORTER_EMAIL);
        assertThat(report.getEvent().getDate().toXMLFormat()).isEqualTo("2026-03-01");
        assertThat(report.getEvent().getDescription()).contains("lätt brännskada");
        assertThat(report.getDevice().getName()).isEqualTo("Fiktiv Talapparat");
        assertThat(report.getDevice().getUdiDi()).isEqualTo(IncidentReportBuilder.VALID_UDI_DI);
        assertThat(report.getDevice().getSerialOrLot()).isEqualTo("LOT-2025-117");
        assertThat(report.getDevice().getDeviceId()).isEqualTo("IND-000123");
        assertThat(report.getDevice().isMedicalDevice()).isTrue();
        assertThat(report.getDevice().isKeptForInvestigation()).isTrue();
        assertThat(report.getPatient().getAge()).isEqualTo(84);
        assertThat(report.getPatient().getSex().value()).isEqualTo("FEMALE");
        assertThat(report.getActionsTaken()).isEqualTo("Apparaten togs ur bruk och ersattes.");
    }

    @Test
    void leavesOutBlankOptionalFields() throws Exception {
        String xml = writer.toXml(IncidentReports.withDevice(new IncidentDevice("Fiktiv Rollator",
                "Testtillverkaren AB", " ", null, null, null, null, Boolean.FALSE)), HUB_REFERENCE, MUNICIPALITY_NAME,
                REPORT_DATE);

        assertThat(xml).doesNotContain("model").doesNotContain("udiDi");
    }

    @Test
    void schemaHasNoPlaceForAPatientsIdentity() {
        String xml = writer.toXml(IncidentReports.valid(), HUB_REFERENCE, MUNICIPALITY_NAME, REPORT_DATE)
                .replace("<sex>", "<personalIdentityNumber>191212121212</personalIdentityNumber><sex>");
        assertThat(xml).contains("personalIdentityNumber");

        assertThatThrownBy(() -> IncidentReportSchema.validate(xml)).isInstanceOf(SAXException.class);
    }

    static Stream<Arguments> missingRequiredFields() {
        return Stream.of(
                Arguments.of("reporter", IncidentReports.withReporter(null)),
                Arguments.of("reporter.email", IncidentReports.withReporter(new Reporter("Enhet", "Namn", null,
                        "031-1", null))),
                Arguments.of("description", IncidentReports.withTexts(" ", null)),
                Arguments.of("consequence", IncidentReports.withConsequence(null)),
                Arguments.of("device", IncidentReports.withDevice(null)),
                Arguments.of("device.medicalDevice", IncidentReports.withDevice(new IncidentDevice("Namn",
                        "Tillverkare", null, null, null, null, null, null))),
                Arguments.of("deviceKeptForInvestigation", IncidentReports.withKeptForInvestigation(null)),
                Arguments.of("patient.sex", IncidentReports.withPatient(new Patient(84, null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingRequiredFields")
    void refusesReportMissingARequiredFieldAndNamesIt(String field, IncidentReportMessage message) {
        assertThatThrownBy(() -> writer.toXml(message, HUB_REFERENCE, MUNICIPALITY_NAME, REPORT_DATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(field + " is required");
    }

    private static IncidentReport read(String xml) throws Exception {
        JAXBElement<IncidentReport> element = JAXBContext.newInstance(IncidentReport.class).createUnmarshaller()
                .unmarshal(new StreamSource(new StringReader(xml)), IncidentReport.class);
        return element.getValue();
    }
}
