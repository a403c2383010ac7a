package se.hjalpmedelsnav.hub.loans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.hjalpmedelsnav.hub.support.EmbeddedHubTest;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;
import se.hjalpmedelsnav.hub.support.NodeKommunClient;
import se.hjalpmedelsnav.hub.support.TestOrders;

/**
 * The loan register end to end on the embedded default: orders delivered and returned by the supplier simulator,
 * then a case system's LOANS_REQUEST over AMQP 1.0 answered on its {@code .out} with LOANS; the same question from
 * another municipality and from a private contractor; FOLLOW_UP_DONE refused, not lost; and a client written in
 * Node.js ({@code tools/kommun-client}) asking and hearing the answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoansFlowTest extends EmbeddedHubTest {

    /** Fictional numbers with a valid check digit that no other test uses, so a question by person finds only ours. */
    private static final String USER = "19460302-1231";
    private static final String NODE_USER = "19730415-7899";
    /** Of the embedded default's registry: an agreement with Göteborg covering KN-1480-003 only. */
    private static final String CONTRACTOR = "5599000014";

    KommunAmqpClient goteborg;
    KommunAmqpClient molndal;

    @BeforeAll
    void connect() throws Exception {
        goteborg = new KommunAmqpClient(BROKER_PORT, "1480");
        molndal = new KommunAmqpClient(BROKER_PORT, "1481");
    }

    @AfterAll
    void disconnect() throws Exception {
        goteborg.close();
        molndal.close();
    }

    /** An order for {@code user} under a decision of its own, delivered by the simulator: its hub reference and devices. */
    private record Delivered(String hubReference, String decision, List<String> deviceIds) {
    }

    private Delivered deliveredOrder(KommunAmqpClient kommun, String kommunCode, String user, String customerNumber,
            String payerNumber) throws Exception {
        String messageId = TestOrders.newMessageId();
        String decision = "BES-" + UUID.randomUUID();
        ObjectNode order = TestOrders.validOrder(messageId);
        order.put("kommunCode", kommunCode).put("customerNumber", customerNumber).put("payerNumber", payerNumber);
        ((ObjectNode) order.path("recipient")).put("personalIdentityNumber", user);
        ((ObjectNode) order.path("decision")).put("reference", decision).put("validTo", "2028-11-19")
                .put("followUpDate", "2027-11-20");
        kommun.send(order);
        String hubReference = kommun.receipt(messageId).path("hubReference").asText();
        List<String> devices = new ArrayList<>();
        kommun.orderStatus(messageId, "DELIVERED").path("deviceIds").forEach(id -> devices.add(id.asText()));
        return new Delivered(hubReference, decision, devices);
    }

    private static ObjectNode question(String kommun) {
        ObjectNode question = JSON.createObjectNode();
        question.put("type", "LOANS_REQUEST");
        question.put("messageId", TestOrders.newMessageId());
        question.put("kommunCode", kommun);
        question.put("sentAt", "2026-11-24T09:00:00+01:00");
        question.putObject("orderer").put("id", "at-4711").put("name", "Anna Arbetsterapeut")
                .put("role", "ARBETSTERAPEUT");
        return question;
    }

    /** Sends the question and returns its LOANS answer, after checking its receipt accepted it. */
    private static JsonNode ask(KommunAmqpClient kommun, ObjectNode question) throws Exception {
        String messageId = question.path("messageId").asText();
        kommun.send(question);
        assertThat(kommun.receipt(messageId).path("status").asText()).isEqualTo("ACCEPTED");
        JsonNode answer = kommun.awaitMessage(messageId, m -> "LOANS".equals(m.path("type").asText()));
        assertThat(answer.path("inReplyTo").asText()).isEqualTo(messageId);
        return answer;
    }

    private static List<String> devicesIn(JsonNode answer) {
        List<String> devices = new ArrayList<>();
        answer.path("loans").forEach(loan -> devices.add(loan.path("deviceId").asText()));
        return devices;
    }

    @Test
    void aCaseSystemAsksByPersonDecisionOrDeviceAndHearsTheDevicesLentWithTheirOrderAndDecision() throws Exception {
        Delivered order = deliveredOrder(goteborg, "1480", USER, "KN-1480-001", "BN-1480-01");
        assertThat(order.deviceIds()).hasSize(2);

        // by person, in the short form with + (100 years or older): the same person
        JsonNode byPerson = ask(goteborg, question("1480").put("personalIdentityNumber", "460302-1231"));
        assertThat(devicesIn(byPerson)).containsAll(order.deviceIds());
        List<JsonNode> ofThisOrder = new ArrayList<>();
        byPerson.path("loans").forEach(loan -> {
            if (order.deviceIds().contains(loan.path("deviceId").asText())) {
                ofThisOrder.add(loan);
            }
        });
        assertThat(ofThisOrder).hasSize(2).allSatisfy(loan -> {
            assertThat(loan.path("hubReference").asText()).isEqualTo(order.hubReference());
            assertThat(loan.path("decisionReference").asText()).isEqualTo(order.decision());
            assertThat(loan.path("articleNumber").asText()).isEqualTo("HMN-10001");
            assertThat(loan.path("state").asText()).isEqualTo("LENT");
            assertThat(loan.path("validTo").asText()).isEqualTo("2028-11-19");
            assertThat(loan.path("followUpDate").asText()).isEqualTo("2027-11-20");
            assertThat(loan.path("since").asText()).isNotBlank();
        });
        assertThat(byPerson.toString().contains("460302")).as("the answer quotes the number").isFalse();

        assertThat(devicesIn(ask(goteborg, question("1480").put("decisionReference", order.decision()))))
                .containsExactlyInAnyOrderElementsOf(order.deviceIds());
        assertThat(devicesIn(ask(goteborg, question("1480").put("deviceId", order.deviceIds().get(0)))))
                .containsExactly(order.deviceIds().get(0));
    }

    @Test
    void anotherMunicipalityAskingAboutTheSameUserDecisionOrDeviceHearsAnEmptyList() throws Exception {
        Delivered order = deliveredOrder(goteborg, "1480", USER, "KN-1480-001", "BN-1480-01");

        assertThat(ask(molndal, question("1481").put("personalIdentityNumber", USER)).path("loans")).isEmpty();
        assertThat(ask(molndal, question("1481").put("decisionReference", order.decision())).path("loans")).isEmpty();
        assertThat(ask(molndal, question("1481").put("deviceId", order.deviceIds().get(0))).path("loans")).isEmpty();
    }

    @Test
    void aPrivateContractorSeesOnlyLoansOnACustomerNumberItsAgreementCovers() throws Exception {
        Delivered covered = deliveredOrder(goteborg, "1480", USER, "KN-1480-003", "BN-1480-03");
        Delivered notCovered = deliveredOrder(goteborg, "1480", USER, "KN-1480-001", "BN-1480-01");
        ObjectNode contractorQuestion = question("1480").put("personalIdentityNumber", USER);
        ((ObjectNode) contractorQuestion.path("orderer")).put("privateContractorOrgNumber", CONTRACTOR);

        JsonNode answer = ask(goteborg, contractorQuestion.deepCopy().put("customerNumber", "KN-1480-003"));
        assertThat(devicesIn(answer)).containsAll(covered.deviceIds()).doesNotContainAnyElementsOf(notCovered.deviceIds());
        assertThat(answer.path("loans")).allSatisfy(loan ->
                assertThat(loan.path("customerNumber").asText()).isEqualTo("KN-1480-003"));

        ObjectNode uncovered = contractorQuestion.deepCopy().put("customerNumber", "KN-1480-001");
        uncovered.put("messageId", TestOrders.newMessageId());
        goteborg.send(uncovered);
        JsonNode refused = goteborg.receipt(uncovered.path("messageId").asText());
        assertThat(refused.path("status").asText()).isEqualTo("REJECTED");
        assertThat(refused.path("errors").get(0).path("code").asText()).isEqualTo("PRIVATE_CONTRACTOR_NO_AGREEMENT");

        ObjectNode unnamed = contractorQuestion.deepCopy();
        unnamed.put("messageId", TestOrders.newMessageId());
        goteborg.send(unnamed);
        JsonNode refusedToo = goteborg.receipt(unnamed.path("messageId").asText());
        assertThat(refusedToo.path("errors").get(0).path("field").asText()).isEqualTo("customerNumber");
        assertThat(goteborg.receivedFor(uncovered.path("messageId").asText()))
                .noneMatch(m -> "LOANS".equals(m.path("type").asText()));
    }

    @Test
    void aDevicePickedUpIsReturnedInTheAnswer() throws Exception {
        Delivered order = deliveredOrder(goteborg, "1480", USER, "KN-1480-001", "BN-1480-01");
        String returnId = TestOrders.newMessageId();
        ObjectNode returned = JSON.createObjectNode();
        returned.put("type", "RETURN").put("messageId", returnId).put("kommunCode", "1480")
                .put("sentAt", "2026-11-25T09:00:00+01:00");
        returned.putObject("orderer").put("id", "at-4711").put("name", "Anna Arbetsterapeut")
                .put("role", "ARBETSTERAPEUT");
        returned.put("customerNumber", "KN-1480-001").put("payerNumber", "BN-1480-01");
        returned.putArray("deviceIds").add(order.deviceIds().get(0));
        returned.put("reason", "NEED_ENDED");
        ObjectNode pickup = returned.putObject("pickup");
        pickup.putObject("address").put("street", "Enhetsgatan 1").put("postalCode", "411 01").put("city", "Göteborg");
        pickup.putObject("contact").put("name", "Enhetschef").put("phone", "031-765 43 21");
        goteborg.send(returned);
        goteborg.awaitMessage(returnId, m -> "PICKED_UP".equals(m.path("status").asText()));

        JsonNode answer = ask(goteborg, question("1480").put("decisionReference", order.decision()));

        assertThat(answer.path("loans")).anySatisfy(loan -> {
            assertThat(loan.path("deviceId").asText()).isEqualTo(order.deviceIds().get(0));
            assertThat(loan.path("state").asText()).isEqualTo("RETURNED");
            assertThat(loan.path("endedAt").asText()).isNotBlank();
        });
        assertThat(answer.path("loans")).anySatisfy(loan -> {
            assertThat(loan.path("deviceId").asText()).isEqualTo(order.deviceIds().get(1));
            assertThat(loan.path("state").asText()).isEqualTo("LENT");
        });
    }

    @Test
    void aQuestionResentUnderTheSameMessageIdGetsItsReceiptAgainAndNoSecondAnswer() throws Exception {
        ObjectNode asked = question("1480").put("decisionReference", "BES-" + UUID.randomUUID());
        String messageId = asked.path("messageId").asText();
        assertThat(ask(goteborg, asked).path("loans")).isEmpty();

        goteborg.send(asked);

        goteborg.awaitMessage(messageId, m -> m.path("duplicate").asBoolean());
        // the duplicate's receipt left after any answer to it would have (one transaction, in order)
        assertThat(goteborg.receivedFor(messageId)).filteredOn(m -> "LOANS".equals(m.path("type").asText()))
                .hasSize(1);
    }

    @Test
    void aQuestionWithTwoKeysOrAnInvalidNumberIsRefusedWithoutQuotingIt() throws Exception {
        ObjectNode twoKeys = question("1480").put("decisionReference", "BES-1").put("deviceId", "IND-1");
        ObjectNode badNumber = question("1480").put("personalIdentityNumber", "19460302-1232");
        goteborg.send(twoKeys);
        goteborg.send(badNumber);

        JsonNode first = goteborg.receipt(twoKeys.path("messageId").asText());
        JsonNode second = goteborg.receipt(badNumber.path("messageId").asText());

        assertThat(first.path("errors").get(0).path("code").asText()).isEqualTo("SCHEMA_INVALID");
        assertThat(second.path("errors").get(0).path("code").asText()).isEqualTo("PERSONAL_ID_INVALID");
        assertThat(second.toString().contains("0302")).as("the receipt quotes the number").isFalse();
    }

    @Test
    void aFollowUpDoneIsRefusedAsNotSupportedYetUnderItsMessageIdInJsonAndXml() throws Exception {
        ObjectNode done = JSON.createObjectNode();
        String messageId = TestOrders.newMessageId();
        done.put("type", "FOLLOW_UP_DONE").put("messageId", messageId).put("kommunCode", "1480")
                .put("sentAt", "2027-11-22T09:00:00+01:00");
        done.putObject("orderer").put("id", "at-4711").put("name", "Anna Arbetsterapeut").put("role", "ARBETSTERAPEUT");
        done.put("decisionReference", "BES-1").put("nextFollowUpDate", "2028-11-20");
        String xmlId = TestOrders.newMessageId();
        String xml = """
                <followUpDone xmlns="urn:hjalpmedelsnav:kommun:1"><type>FOLLOW_UP_DONE</type>\
                <messageId>%s</messageId><kommunCode>1480</kommunCode><sentAt>2027-11-22T09:00:00+01:00</sentAt>\
                <orderer><id>at-4711</id><name>Anna</name><role>ARBETSTERAPEUT</role></orderer>\
                <decisionReference>BES-1</decisionReference><nextFollowUpDate>2028-11-20</nextFollowUpDate>\
                </followUpDone>""".formatted(xmlId);

        goteborg.send(done);
        goteborg.send(xml);

        for (String id : List.of(messageId, xmlId)) {
            JsonNode receipt = goteborg.receipt(id);
            assertThat(receipt.path("status").asText()).isEqualTo("REJECTED");
            assertThat(receipt.path("errors").get(0).path("code").asText()).isEqualTo("UNKNOWN_MESSAGE_TYPE");
            assertThat(receipt.path("errors").get(0).path("message").asText()).contains("not supported yet");
        }
    }

    @Test
    void aMunicipalityClientNotWrittenInJavaAsksForLoansAndHearsThem() throws Exception {
        // Borås (1490): a queue no other test reads, so the Node.js client is its only consumer.
        KommunAmqpClient boras = new KommunAmqpClient(BROKER_PORT, "1490");
        Delivered order;
        try {
            order = deliveredOrder(boras, "1490", NODE_USER, "KN-1490-001", "BN-1490-01");
        } finally {
            boras.close();
        }
        ObjectNode question = (ObjectNode) JSON.readTree(Path.of("../examples/loans-request.json").toFile());
        question.put("kommunCode", "1490").put("personalIdentityNumber", NODE_USER);
        Path file = Files.createTempFile(DATA_DIR, "loans-request", ".json");
        Files.writeString(file, question.toString());

        List<JsonNode> answers = NodeKommunClient.send("1490", BROKER_PORT, file);

        assertThat(answers).anySatisfy(a -> {
            assertThat(a.path("type").asText()).isEqualTo("RECEIPT");
            assertThat(a.path("status").asText()).isEqualTo("ACCEPTED");
        });
        assertThat(answers).anySatisfy(a -> {
            assertThat(a.path("type").asText()).isEqualTo("LOANS");
            assertThat(devicesIn(a)).containsExactlyInAnyOrderElementsOf(order.deviceIds());
        });
        assertThat(answers.toString().contains("730415")).as("the answers hold the number").isFalse();
    }
}
