package se.hjalpmedelsnav.mappings.incident.report;

import static se.hjalpmedelsnav.mappings.incident.report.LakemedelsverketReportWriter.optional;
import static se.hjalpmedelsnav.mappings.incident.report.LakemedelsverketReportWriter.required;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.Objects;
import se.hjalpmedelsnav.mappings.incident.Consequence;
import se.hjalpmedelsnav.mappings.incident.IncidentDevice;
import se.hjalpmedelsnav.mappings.incident.IncidentReportMessage;
import se.hjalpmedelsnav.mappings.incident.Patient;
import se.hjalpmedelsnav.mappings.incident.PatientSex;
import se.hjalpmedelsnav.mappings.incident.Reporter;

/**
 * The manufacturer's copy of an incident report, in the sections of the EU Manufacturer Incident Report
 * (MIR): 1 administrative information, 2 device information, 3 incident information. It carries the same
 * content as the report to Läkemedelsverket, so the manufacturer can file its own report from it; the
 * patient is described by age and sex alone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ManufacturerIncidentReport(
        AdministrativeInformation administrativeInformation,
        DeviceInformation deviceInformation,
        IncidentInformation incidentInformation) {

    /** Läkemedelsverket, the competent authority the healthcare provider also reports to. */
    public static final String COMPETENT_AUTHORITY = "Läkemedelsverket (SE)";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Section 1: who reports, when, under which reference, and to which authority besides the manufacturer.
     *
     * @param healthcareProvider the municipality as healthcare provider (vårdgivare)
     * @param reportingUnit      the unit within it that reports
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AdministrativeInformation(String reportReference, LocalDate reportDate,
            String healthcareProvider, String municipalityCode, String reportingUnit, Contact contact,
            String alsoReportedTo) {
    }

    /** The person the manufacturer contacts about the report. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contact(String name, String role, String phone, String email) {

        @Override
        public String toString() {
            return "Contact[role=" + role + "]";
        }
    }

    /**
     * Section 2: the device, as its manufacturer marked it and as the supplier knows it.
     *
     * @param deviceId the supplier's id (individnummer) of the physical device
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeviceInformation(String tradeName, String manufacturer, String model, String articleNumber,
            String serialOrLotNumber, String udiDi, String deviceId, boolean medicalDevice,
            boolean availableForInvestigation) {
    }

    /**
     * Section 3: what happened and to whom, by age and sex only.
     *
     * @param healthcareProviderActions what the healthcare provider did about it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IncidentInformation(LocalDate incidentDate, String description, Consequence consequence,
            PatientInformation patient, String healthcareProviderActions) {

        @Override
        public String toString() {
            // The description is free text about a patient: never in a log line.
            return "IncidentInformation[incidentDate=" + incidentDate + ", consequence=" + consequence + "]";
        }
    }

    /** The patient involved; there is no field for identity, by design. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PatientInformation(Integer age, PatientSex sex) {
    }

    /**
     * The copy of {@code message} under the hub's reference.
     *
     * @throws IllegalArgumentException naming the first missing field the report requires
     */
    public static ManufacturerIncidentReport from(IncidentReportMessage message, String hubReference,
            String municipalityName, LocalDate reportDate) {
        Objects.requireNonNull(message, "message");
        Reporter reporter = required(message.reporter(), "reporter");
        IncidentDevice device = required(message.device(), "device");
        Patient patient = message.patient();
        return new ManufacturerIncidentReport(
                new AdministrativeInformation(required(hubReference, "hubReference"),
                        required(reportDate, "reportDate"), required(municipalityName, "municipalityName"),
                        required(message.kommunCode(), "kommunCode"),
                        required(reporter.organisation(), "reporter.organisation"),
                        new Contact(required(reporter.name(), "reporter.name"), optional(reporter.role()),
                                required(reporter.phone(), "reporter.phone"),
                                required(reporter.email(), "reporter.email")),
                        COMPETENT_AUTHORITY),
                new DeviceInformation(required(device.name(), "device.name"),
                        required(device.manufacturer(), "device.manufacturer"), optional(device.model()),
                        optional(device.articleNumber()), optional(device.serialOrLot()), optional(device.udiDi()),
                        optional(device.deviceId()), required(device.medicalDevice(), "device.medicalDevice"),
                        required(message.deviceKeptForInvestigation(), "deviceKeptForInvestigation")),
                new IncidentInformation(required(message.eventDate(), "eventDate"),
                        required(message.description(), "description"),
                        required(message.consequence(), "consequence"),
                        patient == null ? null
                                : new PatientInformation(patient.age(), required(patient.sex(), "patient.sex")),
                        optional(message.actionsTaken())));
    }

    /** The copy as JSON, indented, dates as YYYY-MM-DD. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the manufacturer's incident report", e);
        }
    }
}
