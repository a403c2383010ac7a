package se.hjalpmedelsnav.mappings.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import se.hjalpmedelsnav.mappings.message.KommunMessage;
import se.hjalpmedelsnav.mappings.message.MessageType;

/**
 * An INCIDENT_REPORT (rapport om negativ händelse eller tillbud) with a device, which the hub files
 * with Läkemedelsverket and the manufacturer. It carries the patient's age and sex, never identity.
 *
 * @param eventDate                  the day the incident happened, not after the report was sent
 * @param deviceKeptForInvestigation whether the device is kept, unchanged, for the manufacturer to examine
 * @param patient                    absent when no patient was involved
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentReportMessage(
        MessageType type,
        String messageId,
        String kommunCode,
        OffsetDateTime sentAt,
        Reporter reporter,
        LocalDate eventDate,
        String description,
        Consequence consequence,
        IncidentDevice device,
        Boolean deviceKeptForInvestigation,
        Patient patient,
        String actionsTaken) implements KommunMessage {

    @Override
    public String toString() {
        // Description and actions are free text about a patient: never in a log line.
        return "IncidentReportMessage[messageId=" + messageId + ", kommunCode=" + kommunCode + ", consequence="
                + consequence + "]";
    }
}
