package se.hjalpmedelsnav.mappings.incident;

import static se.hjalpmedelsnav.mappings.order.TestRegistry.MEDICAL_DEVICE_ARTICLE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import se.hjalpmedelsnav.mappings.message.MessageType;

/**
 * Builds INCIDENT_REPORT messages for tests. {@link #valid()} passes every rule against the standard
 * test registry on its queue, sent on 2026-03-02 about an event the day before. The reporter is fictional.
 */
public final class IncidentReportBuilder {

    public static final String REPORTER_NAME = "Fiktiv Sjuksköterska";
    public static final String REPORTER_PHONE = "031-111 22 33";
    public static final String REPORTER_EMAIL = "mas@example.se";
    /** A GS1 GTIN-14 with a correct check digit. */
    public static final String VALID_UDI_DI = "07350012345679";

    private String kommunCode = PARTY_KOMMUN;
    private OffsetDateTime sentAt = OffsetDateTime.parse("2026-03-02T09:15:00+01:00");
    private LocalDate eventDate = LocalDate.of(2026, 3, 1);
    private String description = "Laddaren blev mycket varm; brukaren fick en lätt brännskada på handen.";
    private String udiDi = VALID_UDI_DI;
    private String actionsTaken = "Apparaten togs ur bruk och ersattes.";

    private IncidentReportBuilder() {
    }

    public static IncidentReportBuilder valid() {
        return new IncidentReportBuilder();
    }

    public IncidentReportBuilder withKommunCode(String kommunCode) {
        this.kommunCode = kommunCode;
        return this;
    }

    public IncidentReportBuilder withSentAt(OffsetDateTime sentAt) {
        this.sentAt = sentAt;
        return this;
    }

    public IncidentReportBuilder withEventDate(LocalDate eventDate) {
        this.eventDate = eventDate;
        return this;
    }

    public IncidentReportBuilder withDescription(String description) {
        this.description = description;
        return this;
    }

    public IncidentReportBuilder withUdiDi(String udiDi) {
        this.udiDi = udiDi;
        return this;
    }

    public IncidentReportBuilder withActionsTaken(String actionsTaken) {
        this.actionsTaken = actionsTaken;
        return this;
    }

    public IncidentReportMessage build() {
        return new IncidentReportMessage(MessageType.INCIDENT_REPORT, "incident-0001", kommunCode, sentAt,
                new Reporter("Hemsjukvård Väster (fiktiv)", REPORTER_NAME, "MAS", REPORTER_PHONE, REPORTER_EMAIL),
                eventDate, description, Consequence.INJURY,
                new IncidentDevice("Fiktiv Talapparat", "Testtillverkaren AB", "TA-2", MEDICAL_DEVICE_ARTICLE,
                        "LOT-2025-117", udiDi, "IND-000123", Boolean.TRUE),
                Boolean.TRUE, new Patient(84, PatientSex.FEMALE), actionsTaken);
    }
}
