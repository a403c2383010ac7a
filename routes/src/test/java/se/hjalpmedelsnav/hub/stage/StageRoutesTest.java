package se.hjalpmedelsnav.hub.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.hjalpmedelsnav.broker.MessageProperties;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.hub.HubApplication;
import se.hjalpmedelsnav.hub.admin.DeadLetters;
import se.hjalpmedelsnav.hub.broker.EmbeddedBroker;
import se.hjalpmedelsnav.hub.incident.IncidentReportRecord;
import se.hjalpmedelsnav.hub.incident.IncidentReportStore;
import se.hjalpmedelsnav.hub.intake.KommunIntakeRoutes;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.hub.support.TestOrders;
import se.hjalpmedelsnav.hub.tracking.TrackedMessage;
import se.hjalpmedelsnav.hub.tracking.TrackingStatus;
import se.hjalpmedelsnav.hub.tracking.TrackingStore;
import se.hjalpmedelsnav.mappings.message.MessageType;

/**
 * Each stage of the hub on its own, through its success, retry, park and replay paths, as an operator checks
 * them: what reached the party at the stage's edge, how many attempts it took, what is parked where and why.
 *
 * <p>One hub on its embedded default for the whole class (the real broker in-VM, with its transactions and
 * redelivery, and the real {@link StageErrorHandling}); every party a stage hands to is replaced at the edge by
 * AdviceWith with a mock ({@link Edge}), so nothing leaves and every stage is fed on its own queue: the supplier's
 * API, the file drop, the municipality's {@code .out}, Läkemedelsverket's channel, and the internal queues the
 * intake and the incident dispatch send to. A stage gives up after {@value #MAX_ATTEMPTS} attempts here, and the
 * broker redelivers after 50 ms (doubling) instead of 0.5 s, so a message is parked within a second.
 *
 * <p>Camel starts once the edges are replaced ({@link UseAdviceWith}), in the first test: its routes are made then
 * rather than while Spring starts. The default lifecycle, not one instance for the class: with
 * {@code PER_CLASS} the Camel test listener's hold on the start outlives its own start, and Camel never started.
 */
@Tag(HubTest.STARTS_A_HUB)
@CamelSpringBootTest
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@UseAdviceWith
class StageRoutesTest {

    static final int MAX_ATTEMPTS = 3;
    private static final int HTTP_PORT = HubTest.freePort();
    private static final int BROKER_PORT = HubTest.freePort();
    private static final Path DATA_DIR = HubTest.newDataDir();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration COMMITTED = Duration.ofSeconds(10);
    /** The admin API's limit of a replay. */
    private static final int REPLAY_LIMIT = 1000;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HubTest.embeddedHub(registry, HTTP_PORT, BROKER_PORT, DATA_DIR);
        // Another in-VM broker and Camel name than the other hubs the tests run in this JVM.
        registry.add("nav.broker.url", () -> "vm://31");
        registry.add("camel.springboot.name", () -> "hjalpmedelsnav-stages");
        registry.add("nav.stage.max-attempts", () -> MAX_ATTEMPTS);
        // The hub's back-off (0.5 s doubling to 60 s) shortened to 50 ms doubling to 1 s.
        registry.add("nav.broker.redelivery.delay", () -> "50ms");
        registry.add("nav.broker.redelivery.max-delay", () -> "1s");
        // Orders and returns over the API, fault reports to the file drop: both delivery templates run.
        registry.add("nav.supplier.channel.fault-report", () -> "FILE_DROP");
    }

    /** The supplier's API, for orders and returns. */
    private static final Edge supplierApi = Edge.http("supplier-api");
    /** The supplier's file drop (its outbox folder), for fault reports. */
    private static final Edge supplierFileDrop = Edge.failingWith("supplier-file-drop",
            "the file drop's outbox refused the file");
    /** The municipality's {@code .out} queue: receipts and status events. */
    private static final Edge municipality = Edge.failingWith("kommun-out", "nav.kommun.1480.out refused the send");
    /** The intake's hand-off to the supplier's queue. */
    private static final Edge intakeHandOff = Edge.failingWith("intake-hand-off",
            "the supplier's queue refused the hand-off");
    /** The incident dispatch's two hand-offs, to each recipient's queue. */
    private static final Edge authorityQueue = Edge.failingWith("incident-authority-queue",
            Queues.INCIDENT_TO_AUTHORITY + " refused the send");
    private static final Edge manufacturerQueue = Edge.failingWith("incident-manufacturer-queue",
            Queues.INCIDENT_TO_MANUFACTURER + " refused the send");
    /** Läkemedelsverket's channel (the folder, SFTP or HTTP: whichever is configured, it is replaced here). */
    private static final Edge authorityChannel = Edge.failingWith("authority-channel",
            "Läkemedelsverket's channel refused the report");
    /** The supplier's API for the manufacturer's copy of an incident report. */
    private static final Edge supplierIncidentReports = Edge.http("supplier-incident-reports");
    private static final List<Edge> EDGES = List.of(supplierApi, supplierFileDrop, municipality, intakeHandOff,
            authorityQueue, manufacturerQueue, authorityChannel, supplierIncidentReports);

    private static final List<Stage> STAGES = List.of(
            new Stage(KommunIntakeRoutes.routeId("1480"), Queues.kommunIn("1480"), Queues.DLQ_KOMMUN_INTAKE,
                    intakeHandOff, StageRoutesTest::sendOrderOnGoteborgsQueue, StageRoutesTest::answeredOnceAndHandedOn),
            new Stage("supplier-api-order-deliver", Queues.ORDER_TO_SUPPLIER, Queues.DLQ_ORDER_TO_SUPPLIER,
                    supplierApi, test -> test.waitingForSupplier("ORDER", "1480", StageMessages::order),
                    StageRoutesTest::takenBySupplier),
            new Stage("supplier-api-return-deliver", Queues.RETURN_TO_SUPPLIER, Queues.DLQ_RETURN_TO_SUPPLIER,
                    supplierApi, test -> test.waitingForSupplier("RETURN", "1489", StageMessages::returnOf),
                    StageRoutesTest::takenBySupplier),
            new Stage("supplier-filedrop-fault-report-deliver", Queues.FAULT_REPORT_TO_SUPPLIER,
                    Queues.DLQ_FAULT_REPORT_TO_SUPPLIER, supplierFileDrop,
                    test -> test.waitingForSupplier("FAULT_REPORT", "1489", StageMessages::faultReport),
                    StageRoutesTest::writtenToTheFileDrop),
            new Stage("supplier-events", Queues.SUPPLIER_EVENTS, Queues.DLQ_SUPPLIER_EVENTS, municipality,
                    test -> test.supplierEvent(true), StageRoutesTest::passedOnToTheMunicipalityOnce),
            new Stage("incident-dispatch", Queues.INCIDENT_REPORTS, Queues.DLQ_INCIDENT_REPORTS, authorityQueue,
                    test -> test.incidentReport(Queues.INCIDENT_REPORTS, StageMessages::incidentReport, false),
                    StageRoutesTest::trackedAndHandedToBothRecipients),
            new Stage("incident-authority-deliver", Queues.INCIDENT_TO_AUTHORITY, Queues.DLQ_INCIDENT_TO_AUTHORITY,
                    authorityChannel,
                    test -> test.incidentReport(Queues.INCIDENT_TO_AUTHORITY, StageMessages::incidentReport, true),
                    StageRoutesTest::deliveredToTheAuthorityAndSentOnce),
            new Stage("incident-manufacturer-deliver", Queues.INCIDENT_TO_MANUFACTURER,
                    Queues.DLQ_INCIDENT_TO_MANUFACTURER, supplierIncidentReports,
                    test -> test.incidentReport(Queues.INCIDENT_TO_MANUFACTURER, StageMessages::incidentReport, true),
                    StageRoutesTest::deliveredToTheManufacturer));

    /** Per stage, the broker's delivery count of every attempt the stage made. */
    private static final Map<String, List<Integer>> ATTEMPTS = new ConcurrentHashMap<>();
    private static final AtomicBoolean EDGES_REPLACED = new AtomicBoolean();

    @Autowired
    CamelContext camel;
    @Autowired
    EmbeddedBroker broker;
    @Autowired
    ConnectionFactory brokerConnectionFactory;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    TrackingStore tracking;
    @Autowired
    IncidentReportStore incidentReports;
    @Autowired
    Clock clock;

    /**
     * Once, before Camel starts ({@link UseAdviceWith}): every edge replaced by its mock, every stage counting its
     * attempts; then the broker's back-off shortened and Camel started. Then, before each test, every party takes
     * everything and nothing is counted yet.
     */
    @BeforeEach
    void everyPartyTakesEverything() throws Exception {
        if (!EDGES_REPLACED.get()) {
            replaceTheEdges();
            camel.start();
            EDGES_REPLACED.set(true);
        }
        EDGES.forEach(edge -> edge.reset(camel));
        ATTEMPTS.values().forEach(List::clear);
    }

    private void replaceTheEdges() throws Exception {
        for (Stage stage : STAGES) {
            ATTEMPTS.put(stage.routeId(), new CopyOnWriteArrayList<>());
            AdviceWith.adviceWith(camel, stage.routeId(), false, route -> route.weaveAddFirst().process(exchange -> ATTEMPTS
                    .get(stage.routeId()).add(exchange.getMessage().getHeader(MessageProperties.DELIVERY_COUNT, Integer.class))));
        }
        AdviceWith.adviceWith(camel, "kommun-out", false,
                route -> route.weaveById("to-kommun-out").replace().to(municipality.uri()));
        AdviceWith.adviceWith(camel, "forward-accepted", false,
                route -> route.weaveById("to-supplier-queue").replace().to(intakeHandOff.uri()));
        // Replaced in the route, not intercepted: an interception of the same endpoints in two routes wraps the
        // endpoint of one route for the other, and a route's own send then went past its mock to the simulator.
        for (String apiStage : List.of("supplier-api-order-deliver", "supplier-api-return-deliver")) {
            AdviceWith.adviceWith(camel, apiStage, false,
                    route -> route.weaveById("call-supplier-api").replace().to(supplierApi.uri()));
        }
        AdviceWith.adviceWith(camel, "supplier-filedrop-fault-report-deliver", false,
                route -> route.weaveByToString("(?i)to\\[file:.*").replace().to(supplierFileDrop.uri()));
        AdviceWith.adviceWith(camel, "incident-dispatch", false, route -> {
            route.weaveById("to-incident-authority").replace().to(authorityQueue.uri());
            route.weaveById("to-incident-manufacturer").replace().to(manufacturerQueue.uri());
        });
        AdviceWith.adviceWith(camel, "incident-authority-deliver", false,
                route -> route.weaveById("incident-authority-channel").replace().to(authorityChannel.uri()));
        AdviceWith.adviceWith(camel, "incident-manufacturer-supplier", false,
                route -> route.weaveByToUri("http*").replace().to(supplierIncidentReports.uri()));
    }

    @AfterEach
    void nothingLeftToTheBroker() {
        assertThat(broker.messageCount(Queues.DLQ_BROKER)).as("messages the broker parked without a stage's reason")
                .isZero();
    }

    static List<Stage> stages() {
        return STAGES;
    }

    // --- the paths every stage has ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void deliversOnceInOneAttemptAndParksNothingWhenThePartyTakesIt(Stage stage) throws Exception {
        NotifyBuilder done = attemptsDone(stage, 1);
        Sent sent = stage.feed().send(this);
        awaitDone(stage, done);

        assertThat(attempts(stage)).containsExactly(1);
        assertThat(stage.edge().attempts()).as("attempts that reached the party").isEqualTo(1);
        assertThat(stage.edge().taken()).hasSize(1);
        stage.delivered().check(this, sent);
        assertThat(parked(stage, sent)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void deliversOnceOnTheThirdAttemptAndParksNothingWhenThePartyRefusesTwice(Stage stage) throws Exception {
        stage.edge().refuseNext(MAX_ATTEMPTS - 1);
        NotifyBuilder done = attemptsDone(stage, MAX_ATTEMPTS);
        Sent sent = stage.feed().send(this);
        awaitDone(stage, done);

        assertThat(attempts(stage)).as("the broker's delivery count of each attempt").containsExactly(1, 2, 3);
        assertThat(stage.edge().attempts()).as("attempts that reached the party").isEqualTo(MAX_ATTEMPTS);
        assertThat(stage.edge().taken()).as("taken by the party").hasSize(1);
        stage.delivered().check(this, sent);
        assertThat(parked(stage, sent)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void parksOnItsDeadLetterQueueAfterThreeAttemptsWithTheReasonWhenThePartyKeepsRefusing(Stage stage)
            throws Exception {
        Sent sent = parkAfterEveryAttemptRefused(stage);

        Parked parked = onlyParked(stage, sent);
        assertThat(parked.failedStage()).isEqualTo(stage.routeId());
        assertThat(parked.policy()).isEqualTo(StageErrorHandling.RETRIED);
        assertThat(parked.originAddress()).isEqualTo(stage.queue());
        assertThat(parked.reason()).contains(stage.edge().refusal());
        assertThat(stage.edge().taken()).as("taken by the party").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void aReplayPutsTheParkedMessageBackOnItsQueueAndItIsDeliveredOnce(Stage stage) throws Exception {
        Sent sent = parkAfterEveryAttemptRefused(stage);
        Parked parked = onlyParked(stage, sent);
        stage.edge().takeEverything();
        attempts(stage).clear();

        NotifyBuilder done = attemptsDone(stage, 1);
        replay(stage, parked);
        awaitDone(stage, done);

        assertThat(attempts(stage)).as("the replayed copy, delivered once").containsExactly(1);
        assertThat(stage.edge().taken()).as("taken by the party").hasSize(1);
        stage.delivered().check(this, sent);
        assertThat(parked(stage, sent)).isEmpty();
    }

    // --- park now: the stages with a failure no retry can mend ------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("permanentFailures")
    void parksAtOnceWithPolicyPermanentAFailureNoRetryCanMend(PermanentFailureCase failure) throws Exception {
        Stage stage = failure.stage();
        NotifyBuilder done = attemptsDone(stage, 1);
        Sent sent = failure.feed().send(this);
        awaitDone(stage, done);

        assertThat(attempts(stage)).as("one attempt only").containsExactly(1);
        Parked parked = onlyParked(stage, sent);
        assertThat(parked.failedStage()).isEqualTo(stage.routeId());
        assertThat(parked.policy()).isEqualTo(StageErrorHandling.PERMANENT);
        assertThat(parked.originAddress()).isEqualTo(stage.queue());
        assertThat(parked.reason()).contains(failure.reason());
        assertThat(stage.edge().attempts()).as("attempts that reached the party").isEqualTo(failure.partyAttempts());
        assertThat(stage.edge().taken()).as("taken by the party").isEmpty();
    }

    static List<PermanentFailureCase> permanentFailures() {
        return List.of(
                // An event for a message the hub never sent: nothing for the municipality.
                new PermanentFailureCase(stage("supplier-events"), test -> test.supplierEvent(false),
                        "UnknownOrderException", 0),
                // A report the schema of Läkemedelsverket's report refuses: it never reaches the channel.
                new PermanentFailureCase(stage("incident-authority-deliver"),
                        test -> test.incidentReport(Queues.INCIDENT_TO_AUTHORITY,
                                StageMessages::incidentReportTheAuthoritySchemaRefuses, true),
                        "ReportNotValidException", 0),
                // The supplier refuses the manufacturer's copy for good (422).
                new PermanentFailureCase(stage("incident-manufacturer-deliver"), test -> {
                    supplierIncidentReports.refuseForGood();
                    return test.incidentReport(Queues.INCIDENT_TO_MANUFACTURER, StageMessages::incidentReport, true);
                }, "RecipientRefusedException", 1));
    }

    @Test
    void anEventParkedForAnOrderTheHubDidNotKnowIsPassedOnOnceWhenReplayedAfterTheOrderIsKnown() throws Exception {
        Stage stage = stage("supplier-events");
        NotifyBuilder parkedAtOnce = attemptsDone(stage, 1);
        Sent sent = supplierEvent(false);
        awaitDone(stage, parkedAtOnce);
        Parked parked = onlyParked(stage, sent);

        trackAccepted(sent.key(), "1480", "ORDER");
        NotifyBuilder done = attemptsDone(stage, 1);
        replay(stage, parked);
        awaitDone(stage, done);

        passedOnToTheMunicipalityOnce(sent);
        assertThat(parked(stage, sent)).isEmpty();
    }

    @Test
    void aManufacturersCopyTheSupplierRefusedForGoodIsDeliveredOnceWhenReplayed() throws Exception {
        Stage stage = stage("incident-manufacturer-deliver");
        supplierIncidentReports.refuseForGood();
        NotifyBuilder parkedAtOnce = attemptsDone(stage, 1);
        Sent sent = incidentReport(Queues.INCIDENT_TO_MANUFACTURER, StageMessages::incidentReport, true);
        awaitDone(stage, parkedAtOnce);
        Parked parked = onlyParked(stage, sent);

        supplierIncidentReports.takeEverything();
        NotifyBuilder done = attemptsDone(stage, 1);
        replay(stage, parked);
        awaitDone(stage, done);

        assertThat(supplierIncidentReports.attempts()).as("the refused attempt and the replay").isEqualTo(2);
        assertThat(supplierIncidentReports.taken()).hasSize(1);
        deliveredToTheManufacturer(sent);
        assertThat(parked(stage, sent)).isEmpty();
    }

    /**
     * A replay names the message by its id: found wherever it stands on the dead-letter queue, not only among the
     * first {@code limit} (the admin API's 1000) messages, behind which it was answered "no message with that id".
     */
    @Test
    void replaysTheMessageNamedByItsIdBehindOthersParkedBeforeIt() throws Exception {
        Stage stage = stage("supplier-api-order-deliver");
        Sent first = parkAfterEveryAttemptRefused(stage);
        supplierApi.reset(camel);
        attempts(stage).clear();
        Sent second = parkAfterEveryAttemptRefused(stage);
        supplierApi.takeEverything();
        attempts(stage).clear();

        NotifyBuilder done = attemptsDone(stage, 1);
        replay(stage, onlyParked(stage, second), 1);
        awaitDone(stage, done);

        assertThat(supplierApi.taken()).singleElement().satisfies(taken ->
                assertThat(taken.getMessage().getHeader("Idempotency-Key")).isEqualTo(second.key()));
        assertThat(parked(stage, second)).isEmpty();
        assertThat(parked(stage, first)).as("the one not named stays parked").hasSize(1);
    }

    // --- a failed send to the municipality belongs to the stage that sends ---------------------------------------

    /**
     * The route to a municipality's {@code .out} ({@link KommunEvents#OUT}) has no error handling of its own: when
     * its send fails, the stage that called it retries and parks the message it consumed, and a replay sends the
     * event once. (For {@code supplier-events} the municipality is the edge of every path above.)
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sendsToTheMunicipality")
    void parksOnTheSendingStagesQueueWhenTheMunicipalitysQueueRefusesAndAReplaySendsTheEventOnce(
            MunicipalityEventCase event) throws Exception {
        Stage stage = event.stage();
        event.before().run();
        municipality.refuseAlways();
        NotifyBuilder done = attemptsDone(stage, MAX_ATTEMPTS);
        Sent sent = stage.feed().send(this);
        awaitDone(stage, done);

        assertThat(attempts(stage)).containsExactly(1, 2, 3);
        Parked parked = onlyParked(stage, sent);
        assertThat(parked.failedStage()).isEqualTo(stage.routeId());
        assertThat(parked.policy()).isEqualTo(StageErrorHandling.RETRIED);
        assertThat(parked.originAddress()).isEqualTo(stage.queue());
        assertThat(parked.reason()).contains(municipality.refusal());
        assertThat(eventsToTheMunicipality(event.eventType(), sent)).as("sent while refused").isEmpty();

        municipality.takeEverything();
        attempts(stage).clear();
        NotifyBuilder replayed = attemptsDone(stage, 1);
        replay(stage, parked);
        awaitDone(stage, replayed);

        assertThat(attempts(stage)).containsExactly(1);
        assertThat(eventsToTheMunicipality(event.eventType(), sent)).as(event.eventType() + " to the municipality")
                .hasSize(1);
        event.after().check(this, sent);
        assertThat(parked(stage, sent)).isEmpty();
    }

    static List<MunicipalityEventCase> sendsToTheMunicipality() {
        return List.of(
                // The receipt: the hand-off to the supplier's queue rolls back with it (one transaction).
                new MunicipalityEventCase(stage(KommunIntakeRoutes.routeId("1480")), "RECEIPT", () -> { },
                        StageRoutesTest::answeredOnceAndHandedOn),
                // The supplier's refusal (4xx): told to the municipality once, recorded only once it is told.
                new MunicipalityEventCase(stage("supplier-api-order-deliver"), "ORDER_STATUS",
                        supplierApi::refuseForGood, (test, sent) -> assertThat(test.tracking.byHubReference(sent.key())
                                .orElseThrow().status()).isEqualTo(TrackingStatus.REJECTED_BY_SUPPLIER)),
                // SENT after the report reached Läkemedelsverket's channel: the channel got it once, on the first
                // attempt; the later ones and the replay found it recorded as delivered and only sent SENT.
                new MunicipalityEventCase(stage("incident-authority-deliver"), "INCIDENT_REPORT_STATUS", () -> { },
                        (test, sent) -> assertThat(authorityChannel.taken()).as("delivered to the channel").hasSize(1)));
    }

    // --- the supplier's refusal of an order is an answer, not a failure ---------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiStages")
    void tellsTheMunicipalityOnceAndParksNothingWhenTheSupplierRefusesTheMessageForGood(Stage stage) throws Exception {
        supplierApi.refuseForGood();
        NotifyBuilder done = attemptsDone(stage, 1);
        Sent sent = stage.feed().send(this);
        awaitDone(stage, done);

        assertThat(attempts(stage)).containsExactly(1);
        assertThat(tracking.byHubReference(sent.key()).orElseThrow().status())
                .isEqualTo(TrackingStatus.REJECTED_BY_SUPPLIER);
        assertThat(eventsToTheMunicipality(sent.key())).singleElement()
                .satisfies(event -> assertThat(event.path("status").asText()).isEqualTo("REJECTED_BY_SUPPLIER"));
        assertThat(parked(stage, sent)).isEmpty();
    }

    static List<Stage> apiStages() {
        return List.of(stage("supplier-api-order-deliver"), stage("supplier-api-return-deliver"));
    }

    // --- what each stage's delivery leaves, as an operator checks it ------------------------------------------------

    private void answeredOnceAndHandedOn(Sent sent) {
        List<JsonNode> receipts = municipality.taken().stream().map(StageRoutesTest::body)
                .filter(event -> sent.key().equals(event.path("inReplyTo").asText())).toList();
        assertThat(receipts).as("receipts to the municipality").singleElement().satisfies(receipt -> {
            assertThat(receipt.path("status").asText()).isEqualTo("ACCEPTED");
            assertThat(receipt.path("duplicate").asBoolean()).isFalse();
        });
        Exchange handedOn = intakeHandOff.taken().get(0);
        assertThat(handedOn.getMessage().getHeader(MessageProperties.MESSAGE_ID)).isEqualTo(sent.key());
        assertThat(handedOn.getMessage().getHeader(MessageProperties.HUB_REFERENCE))
                .isEqualTo(receipts.get(0).path("hubReference").asText());
    }

    private void takenBySupplier(Sent sent) {
        assertThat(supplierApi.taken().get(0).getMessage().getHeader("Idempotency-Key")).isEqualTo(sent.key());
        assertThat(tracking.byHubReference(sent.key()).orElseThrow().status()).isEqualTo(TrackingStatus.SENT_TO_SUPPLIER);
        assertThat(eventsToTheMunicipality(sent.key())).isEmpty();
    }

    private void writtenToTheFileDrop(Sent sent) {
        assertThat(supplierFileDrop.taken().get(0).getMessage().getHeader(Exchange.FILE_NAME))
                .isEqualTo("fault-report-" + sent.key() + ".xml");
        assertThat(tracking.byHubReference(sent.key()).orElseThrow().status()).isEqualTo(TrackingStatus.SENT_TO_SUPPLIER);
    }

    private void passedOnToTheMunicipalityOnce(Sent sent) {
        assertThat(eventsToTheMunicipality(sent.key())).singleElement().satisfies(event -> {
            assertThat(event.path("type").asText()).isEqualTo("ORDER_STATUS");
            assertThat(event.path("status").asText()).isEqualTo("CONFIRMED");
        });
        assertThat(tracking.byHubReference(sent.key()).orElseThrow().status()).isEqualTo(TrackingStatus.CONFIRMED);
    }

    private void trackedAndHandedToBothRecipients(Sent sent) {
        assertThat(incidentReports.find(sent.key())).isPresent();
        assertThat(authorityQueue.taken()).singleElement().satisfies(handedOn ->
                assertThat(handedOn.getMessage().getHeader(MessageProperties.HUB_REFERENCE)).isEqualTo(sent.key()));
        assertThat(manufacturerQueue.attempts()).as("handed to the manufacturer's queue").isEqualTo(1);
    }

    private void deliveredToTheAuthorityAndSentOnce(Sent sent) {
        assertThat(incidentReports.find(sent.key()).map(IncidentReportRecord::sentAt)).isPresent();
        assertThat(eventsToTheMunicipality(sent.key())).singleElement().satisfies(event -> {
            assertThat(event.path("type").asText()).isEqualTo("INCIDENT_REPORT_STATUS");
            assertThat(event.path("status").asText()).isEqualTo("SENT");
        });
    }

    private void deliveredToTheManufacturer(Sent sent) {
        assertThat(supplierIncidentReports.taken().get(0).getMessage().getHeader("Idempotency-Key")).isEqualTo(sent.key());
        assertThat(incidentReports.find(sent.key()).map(IncidentReportRecord::manufacturerSentAt)).isPresent();
    }

    // --- feeding a stage on its own queue ---------------------------------------------------------------------------

    /** An order as Göteborg sends it, its messageId as correlation id (so even its parked copy is found by it). */
    private Sent sendOrderOnGoteborgsQueue() throws JMSException {
        String messageId = TestOrders.newMessageId();
        send(Queues.kommunIn("1480"), TestOrders.validOrder(messageId).toString(), Map.of(), messageId);
        return new Sent(messageId, parked -> messageId.equals(parked.getJMSCorrelationID()));
    }

    /** An accepted message waiting on its supplier queue, as the intake leaves it, and tracked as the intake does. */
    private Sent waitingForSupplier(String type, String kommunCode, Function<String, String> canonical)
            throws JMSException {
        String hubReference = StageMessages.newHubReference();
        String messageId = TestOrders.newMessageId();
        trackAccepted(hubReference, kommunCode, type, messageId);
        send(Queues.toSupplier(MessageType.valueOf(type)),
                canonical.apply(messageId), head(hubReference, kommunCode, messageId, type), null);
        return byHubReference(hubReference);
    }

    /**
     * The supplier's ORDER_STATUS for an order the hub sent, or (known false) for one it never did, queued as the
     * webhook queues it: the event as it came, with its event id as the broker's duplicate id.
     */
    private Sent supplierEvent(boolean known) throws JMSException {
        String hubReference = StageMessages.newHubReference();
        if (known) {
            trackAccepted(hubReference, "1480", "ORDER");
        }
        String eventId = "evt-" + StageMessages.newHubReference();
        send(Queues.SUPPLIER_EVENTS, StageMessages.orderConfirmed(eventId, hubReference),
                Map.of(MessageProperties.BROKER_DUPLICATE_ID, "supplier-event:" + eventId), null);
        return new Sent(hubReference, parked -> parked instanceof TextMessage text && text.getText().contains(hubReference));
    }

    /** An incident report on that queue; tracked with its deadline first when the dispatch has been before it. */
    private Sent incidentReport(String queue, Function<String, String> canonical, boolean dispatched)
            throws JMSException {
        String hubReference = StageMessages.newHubReference();
        String messageId = TestOrders.newMessageId();
        trackAccepted(hubReference, "1480", "INCIDENT_REPORT", messageId);
        if (dispatched) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            incidentReports.trackIfAbsent(hubReference, "1480", messageId, "SERIOUS_INJURY", now, now.plusDays(2));
        }
        send(queue, canonical.apply(messageId), head(hubReference, "1480", messageId, "INCIDENT_REPORT"), null);
        return byHubReference(hubReference);
    }

    private void trackAccepted(String hubReference, String kommunCode, String type) {
        trackAccepted(hubReference, kommunCode, type, TestOrders.newMessageId());
    }

    private void trackAccepted(String hubReference, String kommunCode, String type, String messageId) {
        tracking.recordIfAbsent(new TrackedMessage(hubReference, kommunCode, messageId, type, null,
                TrackingStatus.ACCEPTED, "{}", OffsetDateTime.now(clock)));
    }

    private static Map<String, Object> head(String hubReference, String kommunCode, String messageId, String type) {
        return Map.of(MessageProperties.HUB_REFERENCE, hubReference, MessageProperties.KOMMUN_CODE, kommunCode,
                MessageProperties.MESSAGE_ID, messageId, MessageProperties.MESSAGE_TYPE, type);
    }

    private static Sent byHubReference(String hubReference) {
        return new Sent(hubReference, parked -> hubReference.equals(parked.getStringProperty(MessageProperties.HUB_REFERENCE)));
    }

    private void send(String queue, String body, Map<String, Object> properties, String correlationId)
            throws JMSException {
        try (Connection connection = brokerConnectionFactory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TextMessage message = session.createTextMessage(body);
            for (var property : properties.entrySet()) {
                message.setObjectProperty(property.getKey(), property.getValue());
            }
            if (correlationId != null) {
                message.setJMSCorrelationID(correlationId);
            }
            session.createProducer(session.createQueue(queue)).send(message);
        }
    }

    // --- waiting, the dead-letter queues, replay --------------------------------------------------------------------

    private NotifyBuilder attemptsDone(Stage stage, int attempts) {
        return new NotifyBuilder(camel).fromRoute(stage.routeId()).whenDone(attempts).create();
    }

    /**
     * Waits for the stage's attempts, then for the broker to have the message off the stage's queue: the
     * transaction of the last attempt is committed, with whatever it sent or parked.
     */
    private void awaitDone(Stage stage, NotifyBuilder done) {
        assertThat(done.matches(30, TimeUnit.SECONDS)).as(stage + ": its attempts done").isTrue();
        await(stage + ": its message off " + stage.queue()).atMost(COMMITTED)
                .until(() -> broker.messageCount(stage.queue()) == 0);
    }

    private Sent parkAfterEveryAttemptRefused(Stage stage) throws Exception {
        stage.edge().refuseAlways();
        NotifyBuilder done = attemptsDone(stage, MAX_ATTEMPTS);
        Sent sent = stage.feed().send(this);
        awaitDone(stage, done);
        assertThat(attempts(stage)).as("the broker's delivery count of each attempt").containsExactly(1, 2, 3);
        assertThat(stage.edge().attempts()).as("attempts that reached the party").isEqualTo(MAX_ATTEMPTS);
        return sent;
    }

    private void replay(Stage stage, Parked parked) throws JMSException {
        replay(stage, parked, REPLAY_LIMIT);
    }

    private void replay(Stage stage, Parked parked, int limit) throws JMSException {
        DeadLetters.Replay replay = deadLetters.replay(stage.deadLetterQueue(), Optional.of(parked.jmsMessageId()),
                limit, "stage-test", "test");
        assertThat(replay.notReplayed()).isEmpty();
        assertThat(replay.replayed()).singleElement().satisfies(record -> {
            assertThat(record.targetQueue()).isEqualTo(stage.queue());
            assertThat(record.failedStage()).isEqualTo(stage.routeId());
        });
    }

    private Parked onlyParked(Stage stage, Sent sent) throws JMSException {
        List<Parked> parked = parked(stage, sent);
        assertThat(parked).as("parked on " + stage.deadLetterQueue()).hasSize(1);
        return parked.get(0);
    }

    /** What the stage's dead-letter queue holds of that message, with the properties the stage parked it with. */
    private List<Parked> parked(Stage stage, Sent sent) throws JMSException {
        try (Connection connection = brokerConnectionFactory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            List<Parked> parked = new ArrayList<>();
            try (QueueBrowser browser = session.createBrowser(session.createQueue(stage.deadLetterQueue()))) {
                for (Object element : Collections.list(browser.getEnumeration())) {
                    Message message = (Message) element;
                    if (!sent.parkedAs().isThis(message)) {
                        continue;
                    }
                    parked.add(new Parked(message.getJMSMessageID(),
                            message.getStringProperty(MessageProperties.FAILED_STAGE),
                            message.getStringProperty(MessageProperties.PARK_POLICY),
                            message.getStringProperty(MessageProperties.FAILURE_REASON),
                            String.valueOf(message.getObjectProperty(MessageProperties.ORIGINAL_ADDRESS))));
                }
            }
            return parked;
        }
    }

    private static List<Integer> attempts(Stage stage) {
        return ATTEMPTS.get(stage.routeId());
    }

    /** The events the municipality got about that hub reference (receipts answer a messageId, not a reference). */
    private List<JsonNode> eventsToTheMunicipality(String hubReference) {
        return municipality.taken().stream()
                .filter(exchange -> hubReference.equals(exchange.getMessage().getHeader(MessageProperties.HUB_REFERENCE)))
                .map(StageRoutesTest::body).toList();
    }

    /** The events of that type the municipality got about that message (by its messageId or hub reference). */
    private static List<JsonNode> eventsToTheMunicipality(String eventType, Sent sent) {
        return municipality.taken().stream()
                .filter(exchange -> eventType.equals(exchange.getMessage().getHeader(MessageProperties.EVENT_TYPE)))
                .filter(exchange -> sent.key().equals(exchange.getMessage().getHeader(MessageProperties.HUB_REFERENCE))
                        || sent.key().equals(exchange.getMessage().getHeader(MessageProperties.CORRELATION_ID)))
                .map(StageRoutesTest::body).toList();
    }

    private static JsonNode body(Exchange exchange) {
        try {
            return JSON.readTree(exchange.getMessage().getBody(String.class));
        } catch (Exception e) {
            throw new AssertionError("the municipality got an unreadable event", e);
        }
    }

    private static Stage stage(String routeId) {
        return STAGES.stream().filter(stage -> stage.routeId().equals(routeId)).findFirst().orElseThrow();
    }

    /** One stage: its route, the queue it consumes and the one it parks on, the party at its edge. */
    record Stage(String routeId, String queue, String deadLetterQueue, Edge edge, Feed feed, Delivered delivered) {
        @Override
        public String toString() {
            return routeId;
        }
    }

    /** A stage that tells the municipality something: the event's type, what is set first, what is checked last. */
    record MunicipalityEventCase(Stage stage, String eventType, Runnable before, Delivered after) {
        @Override
        public String toString() {
            return stage.routeId() + ": " + eventType;
        }
    }

    /** A stage's failure no retry can mend, what its reason names, and how often the party saw the message. */
    record PermanentFailureCase(Stage stage, Feed feed, String reason, int partyAttempts) {
        @Override
        public String toString() {
            return stage.routeId() + ": " + reason;
        }
    }

    /** Puts one fresh message on the stage's queue. */
    @FunctionalInterface
    interface Feed {
        Sent send(StageRoutesTest test) throws Exception;
    }

    /** Checks what the stage's one delivery of that message left. */
    @FunctionalInterface
    interface Delivered {
        void check(StageRoutesTest test, Sent sent) throws Exception;
    }

    /** The message sent: its key (hub reference, or an intake message's messageId) and how to tell it parked. */
    record Sent(String key, ParkedAs parkedAs) {
    }

    /** Whether a message on a dead-letter queue is the one sent. */
    @FunctionalInterface
    interface ParkedAs {
        boolean isThis(Message parked) throws JMSException;
    }

    /** A parked message as the stage parked it. */
    record Parked(String jmsMessageId, String failedStage, String policy, String reason, String originAddress) {
    }
}
