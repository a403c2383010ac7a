package se.hjalpmedelsnav.connectors.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.hjalpmedelsnav.mappings.incident.Consequence;
import se.hjalpmedelsnav.mappings.incident.IncidentDevice;
import se.hjalpmedelsnav.mappings.incident.IncidentReportMessage;
import se.hjalpmedelsnav.mappings.incident.Patient;
import se.hjalpmedelsnav.mappings.incident.PatientSex;
import se.hjalpmedelsnav.mappings.incident.Reporter;
import se.hjalpmedelsnav.mappings.incident.report.ManufacturerIncidentReport;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;
import se.hjalpmedelsnav.mappings.message.MessageType;

/** The manufacturer's copy of an incident report, as the hub posts it, is what {@code POST /incident-reports} takes. */
class SupplierApiIncidentReportSchemaTest {

    private final SupplierApiSchema schema = new SupplierApiSchema();

    private static IncidentReportMessage report(Patient patient, String model) {
        return new IncidentReportMessage(MessageType.INCIDENT_REPORT, "incident-1", "1480",
                OffsetDateTime.parse("2026-03-02T09:15:00+01:00"),
                new Reporter("Hemsjukvård Väster (fiktiv)", "Fiktiv Sjuksköterska", "MAS", "031-111 22 33",
                        "mas@example.se"),
                LocalDate.of(2026, 3, 1), "Laddaren blev mycket varm.", Consequence.SERIOUS_INJURY,
                new IncidentDevice("Fiktiv Talapparat", "Testtillverkaren AB", model, "HMN-30002", "LOT-1",
                        "07350012345679", "IND-000123", true),
                true, patient, null);
    }

    private static JsonNode body(IncidentReportMessage message) {
        String hubReference = UUID.randomUUID().toString();
        ObjectNode body = KommunMessageMappers.json().createObjectNode();
        body.put("incidentReportId", hubReference);
        body.set("report", KommunMessageMappers.json().valueToTree(
                ManufacturerIncidentReport.from(message, hubReference, "Göteborg", LocalDate.of(2026, 3, 2))));
        return body;
    }

    @Test
    void theManufacturersCopyFollowsTheContract() {
        assertThat(schema.violations(body(report(new Patient(84, PatientSex.FEMALE), "TA-2")), "SupplierIncidentReport"))
                .isEmpty();
    }

    @Test
    void aCopyWithoutPatientOrOptionalDeviceDetailsFollowsTheContractToo() {
        assertThat(schema.violations(body(report(null, null)), "SupplierIncidentReport")).isEmpty();
    }

    @Test
    void theContractRefusesAnyMemberItDoesNotDefine() {
        ObjectNode body = (ObjectNode) body(report(new Patient(84, PatientSex.FEMALE), "TA-2"));
        ((ObjectNode) body.path("report").path("incidentInformation").path("patient"))
                .put("personalIdentityNumber", "191212121212");

        assertThat(schema.violations(body, "SupplierIncidentReport"))
                .containsExactly("/report/incidentInformation/patient/personalIdentityNumber: additionalProperties");
    }
}
