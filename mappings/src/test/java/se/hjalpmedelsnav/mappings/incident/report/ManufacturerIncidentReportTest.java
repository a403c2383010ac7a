package se.hjalpmedelsnav.mappings.incident.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.hjalpmedelsnav.mappings.incident.report.IncidentReports.HUB_REFERENCE;
import static se.hjalpmedelsnav.mappings.incident.report.IncidentReports.MUNICIPALITY_NAME;
import static se.hjalpmedelsnav.mappings.incident.report.IncidentReports.REPORT_DATE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.hjalpmedelsnav.mappings.incident.IncidentReportBuilder;
import se.hjalpmedelsnav.mappings.incident.IncidentReportMessage;

class ManufacturerIncidentReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> sectionFields() {
        return Stream.of(
                Arguments.of("/administrativeInformation/reportReference", HUB_REFERENCE),
                Arguments.of("/administrativeInformation/reportDate", "2026-03-02"),
                Arguments.of("/administrativeInformation/healthcareProvider", MUNICIPALITY_NAME),
                Arguments.of("/administrativeInformation/municipalityCode", IncidentReports.valid().kommunCode()),
                Arguments.of("/administrativeInformation/reportingUnit", "Hemsjukvård Väster (fiktiv)"),
                Arguments.of("/administrativeInformation/contact/name", IncidentReportBuilder.REPORTER_NAME),
                Arguments.of("/administrativeInformation/contact/role", "MAS"),
                Arguments.of("/administrativeInformation/contact/email", IncidentReportBuilder.REPORTER_EMAIL),
                Arguments.of("/administrativeInformation/alsoReportedTo", "Läkemedelsverket (SE)"),
                Arguments.of("/deviceInformation/tradeName", "Fiktiv Talapparat"),
                Arguments.of("/deviceInformation/manufacturer", "Testtillverkaren AB"),
                Arguments.of("/deviceInformation/model", "TA-2"),
                Arguments.of("/deviceInformation/serialOrLotNumber", "LOT-2025-117"),
                Arguments.of("/deviceInformation/udiDi", IncidentReportBuilder.VALID_UDI_DI),
                Arguments.of("/deviceInformation/deviceId", "IND-000123"),
                Arguments.of("/deviceInformation/medicalDevice", "true"),
                Arguments.of("/deviceInformation/availableForInvestigation", "true"),
                Arguments.of("/incidentInformation/incidentDate", "2026-03-01"),
                Arguments.of("/incidentInformation/consequence", "INJURY"),
                Arguments.of("/incidentInformation/patient/age", "84"),
                Arguments.of("/incidentInformation/patient/sex", "FEMALE"),
                Arguments.of("/incidentInformation/healthcareProviderActions", "Apparaten togs ur bruk och ersattes."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sectionFields")
    void mapsTheReportIntoTheSectionsOfTheEuManufacturerIncidentReport(String pointer, String expected)
            throws Exception {
        JsonNode json = JSON.readTree(copy(IncidentReports.valid()).toJson());

        assertThat(json.at(pointer).isMissingNode()).as(pointer).isFalse();
        assertThat(json.at(pointer).asText()).isEqualTo(expected);
    }

    @Test
    void hasExactlyTheThreeSectionsInOrder() throws Exception {
        JsonNode json = JSON.readTree(copy(IncidentReports.valid()).toJson());

        assertThat(json.fieldNames()).toIterable()
                .containsExactly("administrativeInformation", "deviceInformation", "incidentInformation");
    }

    @Test
    void carriesTheSameDescriptionAsTheReportToLakemedelsverket() throws Exception {
        IncidentReportMessage message = IncidentReports.withTexts("Hjulet lossnade; ingen skada.", null);

        JsonNode json = JSON.readTree(copy(message).toJson());

        assertThat(json.at("/incidentInformation/description").asText()).isEqualTo("Hjulet lossnade; ingen skada.");
        assertThat(json.at("/incidentInformation/healthcareProviderActions").isMissingNode()).isTrue();
    }

    @Test
    void leavesOutThePatientWhenNoneWasInvolved() throws Exception {
        JsonNode json = JSON.readTree(copy(IncidentReports.withPatient(null)).toJson());

        assertThat(json.at("/incidentInformation/patient").isMissingNode()).isTrue();
    }

    @Test
    void refusesReportWithoutADeviceAndNamesTheField() {
        assertThatThrownBy(() -> copy(IncidentReports.withDevice(null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("device is required");
    }

    @Test
    void keepsTheContactAndTheDescriptionOutOfToString() {
        ManufacturerIncidentReport copy = copy(IncidentReports.valid());

        assertThat(copy.toString())
                .doesNotContain(IncidentReportBuilder.REPORTER_NAME)
                .doesNotContain(IncidentReportBuilder.REPORTER_PHONE)
                .doesNotContain("brännskada");
    }

    private static ManufacturerIncidentReport copy(IncidentReportMessage message) {
        return ManufacturerIncidentReport.from(message, HUB_REFERENCE, MUNICIPALITY_NAME, REPORT_DATE);
    }
}
