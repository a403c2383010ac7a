package se.hjalpmedelsnav.hub.stage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import se.hjalpmedelsnav.hub.support.TestOrders;
import se.hjalpmedelsnav.mappings.fault.FaultReportMessage;
import se.hjalpmedelsnav.mappings.incident.IncidentReportMessage;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;
import se.hjalpmedelsnav.mappings.order.OrderMessage;
import se.hjalpmedelsnav.mappings.returns.ReturnMessage;

/**
 * What waits on the hub's internal queues, as the intake leaves it there: the canonical JSON of an accepted
 * message (the record the intake read, written by the hub's own mapper). Valid for the demo registry; the
 * people, devices and events are fictional, an incident report's patient is by age and sex only.
 */
final class StageMessages {

    private StageMessages() {
    }

    static String newHubReference() {
        return UUID.randomUUID().toString();
    }

    /** An order of Göteborg (1480), canonical. */
    static String order(String messageId) {
        return canonical(TestOrders.validOrder(messageId), OrderMessage.class);
    }

    /** A return (hämtorder) of Alingsås (1489), canonical. */
    static String returnOf(String messageId) {
        ObjectNode message = TestOrders.alingsasMessage("RETURN", messageId);
        message.putArray("deviceIds").add("IND-11111111");
        message.put("reason", "NEED_ENDED");
        ObjectNode pickup = message.putObject("pickup");
        pickup.putObject("address").put("street", "Hemgatan 3").put("postalCode", "441 30").put("city", "Alingsås");
        pickup.putObject("contact").put("name", "Tolvan Tolvansson").put("phone", "0322-123 45");
        return canonical(message, ReturnMessage.class);
    }

    /** A fault report (arbetsorder) of Alingsås (1489), canonical. */
    static String faultReport(String messageId) {
        return canonical(TestOrders.alingsasFaultReport(messageId, "HMN-30002", false), FaultReportMessage.class);
    }

    /** An incident report of Göteborg (1480), canonical; a serious injury, so no deadline falls within a test. */
    static String incidentReport(String messageId) {
        return canonical(incidentReportNode(messageId, "mas@example.se"), IncidentReportMessage.class);
    }

    /**
     * An incident report the schema of the report to Läkemedelsverket refuses (the reporter's e-mail is not
     * one): the intake would have refused it, but it stands on the stage's queue, as after a change of schema.
     */
    static String incidentReportTheAuthoritySchemaRefuses(String messageId) {
        return canonical(incidentReportNode(messageId, "not an e-mail address"), IncidentReportMessage.class);
    }

    /** The supplier's ORDER_STATUS CONFIRMED for the order sent with that hub reference, as the webhook queues it. */
    static String orderConfirmed(String eventId, String hubReference) {
        return """
                {"eventId":"%s","orderId":"%s","supplierOrderId":"SO-STAGE-1","eventType":"ORDER_STATUS",\
                "status":"CONFIRMED","deviceIds":[],"occurredAt":"2026-11-23T12:00:00+01:00"}"""
                .formatted(eventId, hubReference);
    }

    private static ObjectNode incidentReportNode(String messageId, String reporterEmail) {
        ObjectNode report = KommunMessageMappers.json().createObjectNode();
        report.put("type", "INCIDENT_REPORT");
        report.put("messageId", messageId);
        report.put("kommunCode", "1480");
        report.put("sentAt", "2026-11-23T10:15:00+01:00");
        report.putObject("reporter").put("organisation", "Hemsjukvården Centrum (fiktiv)")
                .put("name", "Fiktiv Sjuksköterska").put("role", "MAS").put("phone", "031-111 22 33")
                .put("email", reporterEmail);
        report.put("eventDate", "2026-11-20");
        report.put("description", "Laddaren till talapparaten blev mycket varm.");
        report.put("consequence", "SERIOUS_INJURY");
        report.putObject("device").put("name", "Fiktiv Talapparat").put("manufacturer", "Testtillverkaren AB")
                .put("model", "TA-2").put("articleNumber", "HMN-30002").put("serialOrLot", "LOT-2025-117")
                .put("udiDi", "07350012345679").put("deviceId", "IND-12345678").put("medicalDevice", true);
        report.put("deviceKeptForInvestigation", true);
        report.putObject("patient").put("age", 84).put("sex", "FEMALE");
        report.put("actionsTaken", "Apparaten togs ur bruk och sparades för utredning.");
        return report;
    }

    private static String canonical(ObjectNode message, Class<?> type) {
        try {
            return KommunMessageMappers.json().writeValueAsString(KommunMessageMappers.readTrusted(message.toString(), type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
