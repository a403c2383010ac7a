package se.hjalpmedelsnav.hub.loans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import se.hjalpmedelsnav.hub.support.EmbeddedHubTest;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;
import se.hjalpmedelsnav.hub.support.NodeKommunClient;
import se.hjalpmedelsnav.hub.support.TestOrders;

/**
 * The loan register end to end on the embedded default: orders delivered and returned by the supplier simulator,
 * then a case system's LOANS_REQUEST over AMQP 1.0 answered on its {@code .out} with LOANS; the same question from
 * another municipality and from a private contractor; a follow-up come due sent once as FOLLOW_UP_DUE, and a
 * FOLLOW_UP_DONE moving the next one; and a client written in Node.js ({@code tools/kommun-client}) asking and
 * hearing the answer.
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

    @Autowired
    CamelContext camel;

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
        return deliveredOrder(kommun, kommunCode, user, customerNumber, payerNumber, "2027-11-20");
    }

    private Delivered deliveredOrder(KommunAmqpClient kommun, String kommunCode, String user, String customerNumber,
            String payerNumber, String followUpDate) throws Exception {
        String messageId = TestOrders.newMessageId();
        String decision = "BES-" + UUID.randomUUID();
        ObjectNode order = TestOrders.validOrder(messageId);
        order.put("kommunCode", kommunCode).put("customerNumber", customerNumber).put("payerNumber", payerNumber);
        ((ObjectNode) order.path("recipient")).put("personalIdentityNumber", user);
        ((ObjectNode) order.path("decision")).put("reference", decision).put("validTo", "2028-11-19")
                .put("followUpDate", followUpDate);
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

    /** One tick of the reminder route's timer, now rather than at its next period. */
    private void remindersTick() throws Exception {
        var route = camel.getRoute("loan-reminders");
        assertThat(route).as("visible in Hawtio's routes").isNotNull();
        Exchange tick = new DefaultExchange(camel);
        route.getProcessor().process(tick);
        assertThat(tick.getException()).isNull();
    }

    /** Waits until everything the hub sent Göteborg before now has arrived: the answer to a question asked now. */
    private void drainGoteborg() throws Exception {
        ask(goteborg, question("1480").put("decisionReference", "BES-" + UUID.randomUUID()));
    }

    @Test
    void anOrderDeliveredWithAFollowUpDateInThePastGetsExactlyOneFollowUpDueOnItsOut() throws Exception {
        String yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).minusDays(1).toString();
        Delivered order = deliveredOrder(goteborg, "1480", USER, "KN-1480-001", "BN-1480-01", yesterday);

        remindersTick();
        JsonNode due = goteborg.awaitMessage(order.hubReference(),
                m -> "FOLLOW_UP_DUE".equals(m.path("type").asText()));
        remindersTick();
        remindersTick();
        drainGoteborg();

        assertThat(due.path("hubReference").asText()).isEqualTo(order.hubReference());
        assertThat(due.path("decisionReference").asText()).isEqualTo(order.decision());
        assertThat(due.path("dueDate").asText()).isEqualTo(yesterday);
        assertThat(JSON.convertValue(due.path("deviceIds"), List.class)).containsExactlyInAnyOrderElementsOf(
                order.deviceIds());
        assertThat(due.path("at").asText()).isNotBlank();
        assertThat(due.toString()).as("references only").doesNotContain("460302", "personalIdentityNumber", "name");
        assertThat(goteborg.receivedFor(order.hubReference()))
                .filteredOn(m -> "FOLLOW_UP_DUE".equals(m.path("type").asText())).hasSize(1);
        var listed = getAs("viewer", "viewer-dev", "/api/admin/loans/reminders");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(listed.body())).anySatisfy(reminder -> {
            assertThat(reminder.path("kind").asText()).isEqualTo("FOLLOW_UP_DUE");
            assertThat(reminder.path("kommunCode").asText()).isEqualTo("1480");
            assertThat(reminder.path("hubReference").asText()).isEqualTo(order.hubReference());
            assertThat(reminder.path("dueDate").asText()).isEqualTo(yesterday);
            assertThat(reminder.path("sentAt").asText()).isNotBlank();
        });
        assertThat(get("/api/admin/loans/reminders").statusCode()).as("not logged in").isEqualTo(401);
    }

    @Test
    void aFollowUpDoneOfItsOwnDecisionMovesTheFollowUpAndOneOfAnotherIsRefusedWithoutQuotingIt() throws Exception {
        String yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).minusDays(1).toString();
        Delivered order = deliveredOrder(goteborg, "1480", USER, "KN-1480-001", "BN-1480-01", yesterday);
        remindersTick();
        goteborg.awaitMessage(order.hubReference(), m -> "FOLLOW_UP_DUE".equals(m.path("type").asText()));
        String sentAt = java.time.OffsetDateTime.now().toString();
        String next = java.time.LocalDate.now().plusMonths(6).toString();
        ObjectNode done = JSON.createObjectNode();
        String messageId = TestOrders.newMessageId();
        done.put("type", "FOLLOW_UP_DONE").put("messageId", messageId).put("kommunCode", "1480").put("sentAt", sentAt);
        done.putObject("orderer").put("id", "at-4711").put("name", "Anna Arbetsterapeut").put("role", "ARBETSTERAPEUT");
        done.put("decisionReference", order.decision()).put("nextFollowUpDate", next).put("validTo", "2029-06-30");
        String unknownDecision = "BES-" + UUID.randomUUID();
        String xmlId = TestOrders.newMessageId();
        String xml = """
                <followUpDone xmlns="urn:hjalpmedelsnav:kommun:1"><type>FOLLOW_UP_DONE</type>\
                <messageId>%s</messageId><kommunCode>1480</kommunCode><sentAt>%s</sentAt>\
                <orderer><id>at-4711</id><name>Anna</name><role>ARBETSTERAPEUT</role></orderer>\
                <decisionReference>%s</decisionReference><nextFollowUpDate>%s</nextFollowUpDate>\
                </followUpDone>""".formatted(xmlId, sentAt, unknownDecision, next);
        // Mölndal answering Göteborg's follow-up: not one of its loans
        ObjectNode foreign = done.deepCopy().put("messageId", TestOrders.newMessageId()).put("kommunCode", "1481");

        goteborg.send(done);
        goteborg.send(xml);
        molndal.send(foreign);

        JsonNode accepted = goteborg.receipt(messageId);
        assertThat(accepted.path("status").asText()).isEqualTo("ACCEPTED");
        JsonNode refused = goteborg.receipt(xmlId);
        assertThat(refused.path("status").asText()).isEqualTo("REJECTED");
        assertThat(refused.path("errors").get(0).path("code").asText()).isEqualTo("SCHEMA_INVALID");
        assertThat(refused.path("errors").get(0).path("field").asText()).isEqualTo("decisionReference");
        assertThat(refused.toString()).doesNotContain(unknownDecision);
        JsonNode foreignReceipt = molndal.receipt(foreign.path("messageId").asText());
        assertThat(foreignReceipt.path("status").asText()).isEqualTo("REJECTED");
        assertThat(foreignReceipt.toString()).doesNotContain(order.decision());

        assertThat(ask(goteborg, question("1480").put("decisionReference", order.decision())).path("loans"))
                .hasSize(2).allSatisfy(loan -> {
                    assertThat(loan.path("followUpDate").asText()).isEqualTo(next);
                    assertThat(loan.path("validTo").asText()).isEqualTo("2029-06-30");
                });
        String doneReference = accepted.path("hubReference").asText();
        assertThat(supplierOrders().findValuesAsText("orderId")).as("not passed on to the supplier")
                .doesNotContain(doneReference);
        remindersTick();
        drainGoteborg();
        assertThat(goteborg.receivedFor(order.hubReference()))
                .filteredOn(m -> "FOLLOW_UP_DUE".equals(m.path("type").asText())).as("the next one is not due yet")
                .hasSize(1);
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
