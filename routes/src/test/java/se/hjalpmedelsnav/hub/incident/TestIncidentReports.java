package se.hjalpmedelsnav.hub.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * INCIDENT_REPORT bodies for the demo registry: valid by default, each test changes what matters to it. The
 * reporter, device and event are fictional; the patient is an 84-year-old woman, by age and sex only.
 */
public final class TestIncidentReports {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestIncidentReports() {
    }

    public static String newMessageId() {
        return "incident-" + UUID.randomUUID();
    }

    public static ObjectNode valid(String messageId, String kommunCode, String consequence) {
        ObjectNode report = JSON.createObjectNode();
        report.put("type", "INCIDENT_REPORT");
        report.put("messageId", messageId);
        report.put("kommunCode", kommunCode);
        report.put("sentAt", "2026-11-23T10:15:00+01:00");
        report.putObject("reporter")
                .put("organisation", "Hemsjukvården Centrum (fiktiv)")
                .put("name", "Fiktiv Sjuksköterska")
                .put("role", "MAS")
                .put("phone", "031-111 22 33")
                .put("email", "mas@example.se");
        report.put("eventDate", "2026-11-20");
        report.put("description", "Laddaren till talapparaten blev mycket varm; brukaren fick en brännskada på handen.");
        report.put("consequence", consequence);
        report.putObject("device")
                .put("name", "Fiktiv Talapparat")
                .put("manufacturer", "Testtillverkaren AB")
                .put("model", "TA-2")
                .put("articleNumber", "HMN-30002")
                .put("serialOrLot", "LOT-2025-117")
                .put("udiDi", "07350012345679")
                .put("deviceId", "IND-12345678")
                .put("medicalDevice", true);
        report.put("deviceKeptForInvestigation", true);
        report.putObject("patient").put("age", 84).put("sex", "FEMALE");
        report.put("actionsTaken", "Apparaten togs ur bruk och sparades för utredning.");
        return report;
    }
}
