package se.hjalpmedelsnav.hub.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * ORDER bodies for the demo registry (config/registry.yaml): valid by default, each test changes only
 * what matters to it. The user is fictional: 19121212-1212 is the Swedish Tax Agency's well-known
 * test personnummer.
 */
public final class TestOrders {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestOrders() {
    }

    public static String newMessageId() {
        return "test-" + UUID.randomUUID();
    }

    /**
     * The head every message from Alingsås (1489) starts with: its type and messageId, the occupational
     * therapist who sends it, the municipality's customer and payer numbers. The caller adds the rest.
     */
    /**
     * A fault report (arbetsorder) of Alingsås (1489) for device IND-12345678: the alarm does not go off on a fall,
     * the device still in service, at the user's home.
     */
    public static ObjectNode alingsasFaultReport(String messageId, String articleNumber, boolean injuryOrRisk) {
        ObjectNode message = alingsasMessage("FAULT_REPORT", messageId);
        message.put("deviceId", "IND-12345678");
        message.put("articleNumber", articleNumber);
        message.put("description", "Larmet löser inte ut vid fall.");
        message.put("outOfService", false);
        message.put("injuryOrRisk", injuryOrRisk);
        message.putObject("location").putObject("address").put("street", "Hemgatan 3").put("postalCode", "441 30")
                .put("city", "Alingsås");
        message.putObject("contact").put("name", "Enhetschef").put("phone", "0322-765 43");
        return message;
    }

    public static ObjectNode alingsasMessage(String type, String messageId) {
        ObjectNode message = JSON.createObjectNode();
        message.put("type", type);
        message.put("messageId", messageId);
        message.put("kommunCode", "1489");
        message.put("sentAt", "2026-11-23T10:15:00+01:00");
        ObjectNode orderer = message.putObject("orderer");
        orderer.put("id", "at-17");
        orderer.put("name", "Anna Arbetsterapeut");
        orderer.put("role", "ARBETSTERAPEUT");
        message.put("customerNumber", "KN-1489-001");
        message.put("payerNumber", "BN-1489-01");
        return message;
    }

    /** A valid order from Göteborg (1480): two digital day planners to the home care unit. */
    public static ObjectNode validOrder(String messageId) {
        ObjectNode order = JSON.createObjectNode();
        order.put("type", "ORDER");
        order.put("messageId", messageId);
        order.put("kommunCode", "1480");
        order.put("sentAt", "2026-11-23T10:15:00+01:00");
        ObjectNode orderer = order.putObject("orderer");
        orderer.put("id", "at-4711");
        orderer.put("name", "Anna Arbetsterapeut");
        orderer.put("role", "ARBETSTERAPEUT");
        orderer.put("phone", "031-123 45 67");
        order.put("customerNumber", "KN-1480-001");
        order.put("payerNumber", "BN-1480-01");
        ObjectNode decision = order.putObject("decision");
        decision.put("reference", "BESLUT-2026-1001");
        decision.put("process", "EXECUTION");
        decision.put("decidedAt", "2026-11-20");
        ObjectNode recipient = order.putObject("recipient");
        recipient.put("personalIdentityNumber", "19121212-1212");
        recipient.put("name", "Tolvan Tolvansson");
        recipient.put("protection", "NONE");
        ObjectNode delivery = order.putObject("delivery");
        delivery.put("target", "UNIT");
        ObjectNode address = delivery.putObject("address");
        address.put("street", "Enhetsgatan 1");
        address.put("postalCode", "411 01");
        address.put("city", "Göteborg");
        ObjectNode contact = delivery.putObject("contact");
        contact.put("name", "Enhetschef Hemtjänst Centrum");
        contact.put("phone", "031-765 43 21");
        order.put("riskAnalysisDone", true);
        order.put("consentObtained", true);
        ObjectNode line = order.putArray("lines").addObject();
        line.put("articleNumber", "HMN-10001");
        line.put("quantity", 2);
        return order;
    }

    /**
     * The README's {@code examples/buffer-withdrawal.json} as {@code messageId}: Göteborg (1480) handed device
     * {@code deviceId} of article HMN-10001 out of Hemtjänst Centrum's buffer store (KN-1480-001) to Tolvan, on decision
     * {@code decisionReference}.
     */
    public static ObjectNode bufferWithdrawal(String messageId, String deviceId, String decisionReference) {
        try {
            ObjectNode withdrawal = (ObjectNode) JSON.readTree(java.nio.file.Path.of("../examples/buffer-withdrawal.json")
                    .toFile());
            withdrawal.put("messageId", messageId);
            withdrawal.put("deviceId", deviceId);
            ((ObjectNode) withdrawal.path("decision")).put("reference", decisionReference);
            return withdrawal;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static String validOrderXml(String messageId) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <order xmlns="urn:hjalpmedelsnav:kommun:1">
                  <type>ORDER</type>
                  <messageId>%s</messageId>
                  <kommunCode>1480</kommunCode>
                  <sentAt>2026-11-23T10:15:00+01:00</sentAt>
                  <orderer><id>at-4711</id><name>Anna Arbetsterapeut</name><role>ARBETSTERAPEUT</role></orderer>
                  <customerNumber>KN-1480-001</customerNumber>
                  <payerNumber>BN-1480-01</payerNumber>
                  <decision><reference>BESLUT-2026-1002</reference><process>AUTHORITY</process><decidedAt>2026-11-20</decidedAt></decision>
                  <recipient><personalIdentityNumber>191212121212</personalIdentityNumber><name>Tolvan Tolvansson</name><protection>NONE</protection></recipient>
                  <delivery>
                    <target>UNIT</target>
                    <address><street>Enhetsgatan 1</street><postalCode>41101</postalCode><city>Göteborg</city></address>
                    <contact><name>Enhetschef</name><phone>031-765 43 21</phone></contact>
                  </delivery>
                  <riskAnalysisDone>true</riskAnalysisDone>
                  <consentObtained>true</consentObtained>
                  <lines><line><articleNumber>HMN-30001</articleNumber><quantity>1</quantity></line></lines>
                </order>
                """.formatted(messageId);
    }
}
