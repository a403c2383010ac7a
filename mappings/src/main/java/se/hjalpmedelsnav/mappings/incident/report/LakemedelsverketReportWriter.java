package se.hjalpmedelsnav.mappings.incident.report;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import se.hjalpmedelsnav.mappings.incident.IncidentDevice;
import se.hjalpmedelsnav.mappings.incident.IncidentReportMessage;
import se.hjalpmedelsnav.mappings.incident.report.lakemedelsverket.Consequence;
import se.hjalpmedelsnav.mappings.incident.report.lakemedelsverket.Device;
import se.hjalpmedelsnav.mappings.incident.report.lakemedelsverket.Event;
import se.hjalpmedelsnav.mappings.incident.report.lakemedelsverket.IncidentReport;
import se.hjalpmedelsnav.mappings.incident.report.lakemedelsverket.ObjectFactory;
import se.hjalpmedelsnav.mappings.incident.report.lakemedelsverket.Patient;
import se.hjalpmedelsnav.mappings.incident.report.lakemedelsverket.Reporter;
import se.hjalpmedelsnav.mappings.incident.report.lakemedelsverket.Sex;

/**
 * Writes the report to Läkemedelsverket (schema {@code schema/lakemedelsverket/incident-report.xsd}) from an
 * accepted INCIDENT_REPORT. Only what the form asks is copied, field by field: the municipality's own message
 * id and anything not named here stay in the hub, and the patient is described by age and sex alone.
 */
public final class LakemedelsverketReportWriter {

    /** The namespace of the report, as the XSD declares it. */
    public static final String NAMESPACE = "urn:hjalpmedelsnav:lakemedelsverket:incident:1";
    /** Where the XSD lies on the classpath. */
    public static final String SCHEMA_RESOURCE = "/schema/lakemedelsverket/incident-report.xsd";

    private static final DatatypeFactory DATATYPES = createDatatypeFactory();

    /**
     * The JAXB context, built on the first report (about 600 classes and a second of CPU that a hub start would
     * otherwise pay whether or not a report ever comes).
     */
    private static final class Context {
        static final JAXBContext CONTEXT = createContext();
    }

    /** The report as XML, UTF-8, indented. */
    public String toXml(IncidentReportMessage message, String hubReference, String municipalityName,
            LocalDate reportDate) {
        IncidentReport report = toReport(message, hubReference, municipalityName, reportDate);
        try {
            Marshaller marshaller = Context.CONTEXT.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, StandardCharsets.UTF_8.name());
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            StringWriter xml = new StringWriter();
            marshaller.marshal(new ObjectFactory().createIncidentReport(report), xml);
            return xml.toString();
        } catch (JAXBException e) {
            // The cause names the JAXB problem; it never carries the report's content.
            throw new IllegalStateException("Could not write the Läkemedelsverket incident report", e);
        }
    }

    /**
     * The report's content as the XSD's classes; the PDF is drawn from the same object, so the two cannot
     * say different things.
     *
     * @throws IllegalArgumentException naming the first missing field the form requires
     */
    IncidentReport toReport(IncidentReportMessage message, String hubReference, String municipalityName,
            LocalDate reportDate) {
        Objects.requireNonNull(message, "message");
        IncidentReport report = new IncidentReport();
        report.setReportReference(required(hubReference, "hubReference"));
        report.setReportDate(date(required(reportDate, "reportDate")));
        report.setReporter(reporter(message, required(municipalityName, "municipalityName")));
        report.setEvent(event(message));
        report.setDevice(device(message));
        if (message.patient() != null) {
            Patient patient = new Patient();
            patient.setAge(message.patient().age());
            patient.setSex(Sex.fromValue(required(message.patient().sex(), "patient.sex").name()));
            report.setPatient(patient);
        }
        report.setActionsTaken(optional(message.actionsTaken()));
        return report;
    }

    private static Reporter reporter(IncidentReportMessage message, String municipalityName) {
        se.hjalpmedelsnav.mappings.incident.Reporter from = required(message.reporter(), "reporter");
        Reporter reporter = new Reporter();
        reporter.setHealthcareProvider(municipalityName);
        reporter.setMunicipalityCode(required(message.kommunCode(), "kommunCode"));
        reporter.setOrganisation(required(from.organisation(), "reporter.organisation"));
        reporter.setName(required(from.name(), "reporter.name"));
        reporter.setRole(optional(from.role()));
        reporter.setPhone(required(from.phone(), "reporter.phone"));
        reporter.setEmail(required(from.email(), "reporter.email"));
        return reporter;
    }

    private static Event event(IncidentReportMessage message) {
        Event event = new Event();
        event.setDate(date(required(message.eventDate(), "eventDate")));
        event.setDescription(required(message.description(), "description"));
        event.setConsequence(Consequence.fromValue(required(message.consequence(), "consequence").name()));
        return event;
    }

    private static Device device(IncidentReportMessage message) {
        IncidentDevice from = required(message.device(), "device");
        Device device = new Device();
        device.setName(required(from.name(), "device.name"));
        device.setManufacturer(required(from.manufacturer(), "device.manufacturer"));
        device.setModel(optional(from.model()));
        device.setArticleNumber(optional(from.articleNumber()));
        device.setSerialOrLot(optional(from.serialOrLot()));
        device.setUdiDi(optional(from.udiDi()));
        device.setDeviceId(optional(from.deviceId()));
        device.setMedicalDevice(required(from.medicalDevice(), "device.medicalDevice"));
        device.setKeptForInvestigation(required(message.deviceKeptForInvestigation(), "deviceKeptForInvestigation"));
        return device;
    }

    static <T> T required(T value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new IllegalArgumentException(field + " is required in the incident report");
        }
        return value;
    }

    /** A blank optional text is left out: the form has no use for an empty field. */
    static String optional(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static XMLGregorianCalendar date(LocalDate date) {
        return DATATYPES.newXMLGregorianCalendarDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(),
                DatatypeConstants.FIELD_UNDEFINED);
    }

    private static JAXBContext createContext() {
        try {
            return JAXBContext.newInstance(IncidentReport.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static DatatypeFactory createDatatypeFactory() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
