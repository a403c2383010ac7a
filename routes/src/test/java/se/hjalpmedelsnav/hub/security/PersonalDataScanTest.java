package se.hjalpmedelsnav.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.hjalpmedelsnav.broker.MessageProperties;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;
import se.hjalpmedelsnav.hub.support.TestOrders;

/**
 * The hub runs every flow it has, with the root logger and its own packages at DEBUG, on fictional
 * people of its own (identity numbers that pass the check digit, so the hub really processes them).
 * Then everything the hub wrote is scanned for them and for anything shaped like an identity number:
 * its log (a file in the data folder) and whatever reached standard out/err, every file in the data
 * folder but the broker's journal, every property of every message on a dead-letter queue, every
 * column of the tracking store and of the loan register, and the metrics. A hit fails the test naming where, with the value
 * masked.
 *
 * <p>Not scanned: the broker's journal ({@code broker/}). It is the queues' store: a queued order is
 * in it by necessity, as it is in the municipality's own system, and it is not output. The receipts
 * and status events on the {@code .out} queues go to the municipality that sent the data.
 */
@Tag(HubTest.STARTS_A_HUB)
@AutoConfigureObservability
@SpringBootTest(classes = se.hjalpmedelsnav.hub.HubApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
                // Read by the logging system before the context exists: hence a system property, set below.
                "logging.file.name=${nav.test.scan-log}",
                "logging.config=classpath:logback-personal-data-scan.xml",
                // One file for the whole run: the scan reads hub.log only.
                "logging.logback.rollingpolicy.max-file-size=2GB",
                "logging.level.root=DEBUG",
                "logging.level.se.hjalpmedelsnav=DEBUG",
                // The console: the structured JSON logs of the profile json-logs, at INFO as in production (at DEBUG
                // the surefire report would hold tens of megabytes); DEBUG goes to the file.
                "spring.profiles.active=json-logs",
                "logging.threshold.console=INFO",
                "nav.stage.max-attempts=2",
                // Its own JVM in the build (routes/pom.xml); other in-VM and Camel names in case it shares one.
                "nav.broker.url=vm://8",
                "camel.springboot.name=hjalpmedelsnav-scan"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataScanTest {

    private static final int HTTP_PORT = HubTest.freePort();
    private static final int BROKER_PORT = HubTest.freePort();
    private static final Path DATA_DIR = HubTest.newDataDir();
    private static final Path LOG_FILE = DATA_DIR.resolve("logs/hub.log");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fictional people of this test; no other test uses them, so any hit is this hub's doing. */
    private static final String PERSONNUMMER = "19630815-9877";
    private static final String SAMORDNINGSNUMMER = "19501071-2346";
    private static final String LUHN_INVALID = "19630815-9878";
    private static final String SCHEMA_INVALID = "6308159877-1";
    private static final List<String> NAMES = List.of("Sigvard Skyddsson", "Gunilla Godmansdotter",
            "Örjan Ordinatör", "Kerstin Kontaktsson", "Hampus Hemlighet");
    private static final List<String> ADDRESSES = List.of("Lönnvägen 42", "Pilgatan 7", "917 99");
    private static final List<String> PHONES = List.of("070-555 01 23", "0322-555 987", "073-555 44 11",
            "0705550123", "0322555987");

    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    private static final PrintStream STDOUT = System.out;
    private static final PrintStream STDERR = System.err;

    static {
        System.setProperty("nav.test.scan-log", LOG_FILE.toString());
        // Whatever the hub prints rather than logs (a stack trace, a library's own println) is scanned too.
        System.setOut(new PrintStream(new Tee(STDOUT, CONSOLE), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(STDERR, CONSOLE), true, StandardCharsets.UTF_8));
    }

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HubTest.embeddedHub(registry, HTTP_PORT, BROKER_PORT, DATA_DIR);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.apache.camel.CamelContext camel;

    @AfterAll
    void restoreLogging() {
        System.setOut(STDOUT);
        System.setErr(STDERR);
        // The hubs of other test classes share this JVM and its logging system.
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
        logging.setLogLevel("se.hjalpmedelsnav", null);
    }

    @Test
    void leavesNoPersonalDataInLogsFilesDeadLettersTrackingOrMetrics() throws Exception {
        try (var goteborg = new KommunAmqpClient(BROKER_PORT, "1480");
                var alingsas = new KommunAmqpClient(BROKER_PORT, "1489")) {
            runEveryFlow(goteborg, alingsas);
        }

        List<String> hits = new ArrayList<>();
        hits.addAll(scanLines("log file " + DATA_DIR.relativize(LOG_FILE), Files.readAllLines(LOG_FILE)));
        hits.addAll(scanLines("standard out/err", CONSOLE.toString(StandardCharsets.UTF_8).lines().toList()));
        hits.addAll(scanDataFiles());
        hits.addAll(scanDeadLetterProperties());
        hits.addAll(scanTrackingStore());
        // Names and labels only: a sample's value is a number the JVM measured (bytes, seconds), and a 10-digit
        // one can pass for a personnummer by chance; personal data in a metric would be in a label.
        hits.addAll(scanLines("metrics", getAsAdmin("/actuator/prometheus").lines()
                .map(line -> line.startsWith("#") || line.lastIndexOf(' ') < 0 ? line
                        : line.substring(0, line.lastIndexOf(' ')))
                .toList()));

        // The JSON log lines once more with their values decoded, in case the JSON escaped a character of a value.
        List<String> jsonLines = CONSOLE.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("{\"")).toList();
        List<String> jsonValues = new ArrayList<>();
        for (String line : jsonLines) {
            JsonNode entry = JSON.readTree(line);
            assertThat(entry.has("@timestamp")).as("an ECS log line: " + entry.fieldNames().next()).isTrue();
            jsonValues.add(textValues(entry));
        }
        hits.addAll(scanLines("JSON log lines, decoded", jsonValues));

        assertThat(jsonLines).as("the JSON log lines on the console (profile json-logs)").hasSizeGreaterThan(100);
        assertThat(String.join("\n", jsonValues)).as("the hub's own loggers").contains("se.hjalpmedelsnav.hub.");
        assertThat(Files.size(LOG_FILE)).as("the DEBUG log was written").isGreaterThan(1_000_000);
        assertThat(hits).as("personal data the hub wrote (values masked)").isEmpty();
    }

    // ---------------------------------------------------------------- the flows

    private void runEveryFlow(KommunAmqpClient goteborg, KommunAmqpClient alingsas) throws Exception {
        // Accepted, delivered to the user's home, with events back from the supplier.
        String home = TestOrders.newMessageId();
        ObjectNode homeOrder = order(home, PERSONNUMMER);
        // its follow-up came due yesterday: a FOLLOW_UP_DUE is sent once it is delivered
        String yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).minusDays(1).toString();
        ((ObjectNode) homeOrder.path("decision")).put("reference", "BES-SCAN-1").put("followUpDate", yesterday);
        goteborg.send(homeOrder);
        // The same again: a duplicate, answered with the original receipt.
        goteborg.send(homeOrder);

        // Protected identity (samordningsnummer), to the unit's buffer store, with a guardian.
        String protectedUser = TestOrders.newMessageId();
        ObjectNode protectedOrder = order(protectedUser, SAMORDNINGSNUMMER);
        ((ObjectNode) protectedOrder.path("recipient")).put("protection", "SEKRETESSMARKERING");
        ((ObjectNode) protectedOrder.path("delivery")).put("target", "BUFFER_STORE");
        ((ObjectNode) protectedOrder.path("delivery")).remove("address");
        goteborg.send(protectedOrder);

        // The same order in XML.
        String xml = TestOrders.newMessageId();
        goteborg.send(TestOrders.validOrderXml(xml).replace("191212121212", PERSONNUMMER.replace("-", ""))
                .replace("Tolvan Tolvansson", NAMES.get(0)));

        // Rejected: the check digit, the form, a foreign customer number, a protected user delivered home.
        String badCheckDigit = TestOrders.newMessageId();
        goteborg.send(order(badCheckDigit, LUHN_INVALID));
        String badForm = TestOrders.newMessageId();
        goteborg.send(order(badForm, SCHEMA_INVALID));
        String foreignCustomer = TestOrders.newMessageId();
        goteborg.send(order(foreignCustomer, PERSONNUMMER).put("customerNumber", "KN-1490-001"));
        String protectedHome = TestOrders.newMessageId();
        ObjectNode home2 = order(protectedHome, SAMORDNINGSNUMMER);
        ((ObjectNode) home2.path("recipient")).put("protection", "SKYDDAD_FOLKBOKFORING");
        goteborg.send(home2);
        // Unreadable: broken JSON that still holds an identity number and a name.
        String broken = TestOrders.newMessageId();
        goteborg.send(order(broken, PERSONNUMMER).toString().substring(0, 400), broken);

        // Refused by the supplier (4xx): an article the demo supplier no longer carries.
        String refused = TestOrders.newMessageId();
        ObjectNode refusedOrder = order(refused, PERSONNUMMER);
        ((ObjectNode) refusedOrder.path("lines").get(0)).put("articleNumber", "HMN-50002");
        goteborg.send(refusedOrder);

        // A return and a fault report with the user's home as pickup and location.
        String returned = TestOrders.newMessageId();
        alingsas.send(returnOf(returned));
        String fault = TestOrders.newMessageId();
        alingsas.send(faultReport(fault));

        assertThat(goteborg.orderStatus(home, "DELIVERED").path("deviceIds")).hasSize(2);
        assertThat(goteborg.receivedFor(home)).filteredOn(m -> m.path("duplicate").asBoolean()).hasSize(1);
        goteborg.orderStatus(protectedUser, "DELIVERED");
        goteborg.orderStatus(xml, "DELIVERED");
        assertThat(errorCodes(goteborg.receipt(badCheckDigit))).contains("PERSONAL_ID_INVALID");
        assertThat(errorCodes(goteborg.receipt(badForm))).contains("SCHEMA_INVALID");
        assertThat(errorCodes(goteborg.receipt(foreignCustomer))).contains("CUSTOMER_NUMBER_UNKNOWN");
        assertThat(errorCodes(goteborg.receipt(protectedHome))).contains("DELIVERY_NOT_ALLOWED");
        assertThat(errorCodes(goteborg.receipt(broken))).contains("MALFORMED");
        goteborg.orderStatus(refused, "REJECTED_BY_SUPPLIER");
        alingsas.awaitMessage(returned, m -> "PICKED_UP".equals(m.path("status").asText()));
        alingsas.awaitMessage(fault, m -> "RESOLVED".equals(m.path("status").asText()));

        // The reminders: the delivered order's FOLLOW_UP_DUE (one tick of the route now), answered with FOLLOW_UP_DONE.
        String homeReference = goteborg.receipt(home).path("hubReference").asText();
        var reminders = camel.getRoute("loan-reminders");
        reminders.getProcessor().process(new org.apache.camel.support.DefaultExchange(camel));
        goteborg.awaitMessage(homeReference, m -> "FOLLOW_UP_DUE".equals(m.path("type").asText()));
        String followUpDone = TestOrders.newMessageId();
        ObjectNode done = JSON.createObjectNode();
        done.put("type", "FOLLOW_UP_DONE").put("messageId", followUpDone).put("kommunCode", "1480")
                .put("sentAt", java.time.OffsetDateTime.now().toString());
        done.putObject("orderer").put("id", "at-4711").put("name", NAMES.get(2)).put("role", "ARBETSTERAPEUT")
                .put("phone", PHONES.get(2));
        done.put("decisionReference", "BES-SCAN-1").put("nextFollowUpDate",
                java.time.LocalDate.now().plusMonths(12).toString());
        goteborg.send(done);
        assertThat(goteborg.receipt(followUpDone).path("status").asText()).isEqualTo("ACCEPTED");

        // The loan register: asked by the user's number (the delivered order's devices are found), by the protected
        // user's samordningsnummer, and by a number with a bad check digit.
        String loansOfUser = TestOrders.newMessageId();
        goteborg.send(loansRequest(loansOfUser, PERSONNUMMER));
        String loansOfProtected = TestOrders.newMessageId();
        goteborg.send(loansRequest(loansOfProtected, SAMORDNINGSNUMMER));
        String loansBadNumber = TestOrders.newMessageId();
        goteborg.send(loansRequest(loansBadNumber, LUHN_INVALID));
        assertThat(goteborg.awaitMessage(loansOfUser, m -> "LOANS".equals(m.path("type").asText())).path("loans"))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(goteborg.awaitMessage(loansOfProtected, m -> "LOANS".equals(m.path("type").asText()))
                .path("loans")).isNotEmpty();
        assertThat(errorCodes(goteborg.receipt(loansBadNumber))).contains("PERSONAL_ID_INVALID");

        // Parked: an event for an order the hub never sent, and an order the supplier cannot take.
        String unknownOrder = UUID.randomUUID().toString();
        postEvent("""
                {"eventId":"evt-%s","orderId":"%s","supplierOrderId":"SO-1","eventType":"ORDER_STATUS",
                 "status":"DELIVERED","deviceIds":[],"occurredAt":"2026-11-23T12:00:00+01:00"}"""
                .formatted(UUID.randomUUID(), unknownOrder));
        simulatorMode("FAIL_5XX");
        try {
            String parked = TestOrders.newMessageId();
            goteborg.send(order(parked, PERSONNUMMER));
            String parkedProtected = TestOrders.newMessageId();
            goteborg.send(protectedOrder.put("messageId", parkedProtected));
            goteborg.receipt(parked);
            goteborg.receipt(parkedProtected);
            await("the orders parked on " + Queues.DLQ_ORDER_TO_SUPPLIER).atMost(Duration.ofSeconds(60))
                    .until(() -> deadLetters(Queues.DLQ_ORDER_TO_SUPPLIER).size(), n -> n >= 2);
        } finally {
            simulatorMode("NORMAL");
        }
        // Parked as the intake handed them on: marked, so the console hides the protected user's body.
        List<Boolean> marks = new ArrayList<>();
        for (Message message : deadLetters(Queues.DLQ_ORDER_TO_SUPPLIER)) {
            marks.add(message.getBooleanProperty(MessageProperties.PROTECTED));
        }
        assertThat(marks).containsExactlyInAnyOrder(false, true);
        await("the event parked on " + Queues.DLQ_SUPPLIER_EVENTS).atMost(Duration.ofSeconds(30))
                .until(() -> deadLetters(Queues.DLQ_SUPPLIER_EVENTS).size(), n -> n >= 1);
    }

    private static List<String> errorCodes(JsonNode receipt) {
        List<String> codes = new ArrayList<>();
        receipt.path("errors").forEach(error -> codes.add(error.path("code").asText()));
        return codes;
    }

    private static ObjectNode order(String messageId, String identityNumber) {
        ObjectNode order = TestOrders.validOrder(messageId);
        ((ObjectNode) order.path("orderer")).put("name", NAMES.get(2)).put("phone", PHONES.get(2));
        ObjectNode recipient = (ObjectNode) order.path("recipient");
        recipient.put("personalIdentityNumber", identityNumber);
        recipient.put("name", NAMES.get(0));
        recipient.putObject("guardian").put("name", NAMES.get(1)).put("phone", PHONES.get(0));
        ObjectNode delivery = (ObjectNode) order.path("delivery");
        delivery.put("target", "RECIPIENT");
        delivery.putObject("address").put("street", ADDRESSES.get(0)).put("postalCode", ADDRESSES.get(2))
                .put("city", "Göteborg");
        delivery.putObject("contact").put("name", NAMES.get(3)).put("phone", PHONES.get(1));
        return order;
    }

    /** A LOANS_REQUEST from Göteborg by the user's number, the orderer named with one of the test's names. */
    private static ObjectNode loansRequest(String messageId, String identityNumber) {
        ObjectNode question = JSON.createObjectNode();
        question.put("type", "LOANS_REQUEST").put("messageId", messageId).put("kommunCode", "1480")
                .put("sentAt", "2026-11-24T09:00:00+01:00");
        question.putObject("orderer").put("id", "at-4711").put("name", NAMES.get(2)).put("role", "ARBETSTERAPEUT")
                .put("phone", PHONES.get(2));
        question.put("personalIdentityNumber", identityNumber);
        return question;
    }

    /** Alingsås' message head, with one of the test's names as the orderer (the scan looks for it). */
    private static ObjectNode base(String type, String messageId) {
        ObjectNode message = TestOrders.alingsasMessage(type, messageId);
        ((ObjectNode) message.path("orderer")).put("name", NAMES.get(2));
        return message;
    }

    private static ObjectNode returnOf(String messageId) {
        ObjectNode message = base("RETURN", messageId);
        message.putArray("deviceIds").add("IND-11111111");
        message.put("reason", "NEED_ENDED");
        ObjectNode pickup = message.putObject("pickup");
        pickup.putObject("address").put("street", ADDRESSES.get(1)).put("postalCode", ADDRESSES.get(2))
                .put("city", "Alingsås");
        pickup.putObject("contact").put("name", NAMES.get(4)).put("phone", PHONES.get(2));
        return message;
    }

    private static ObjectNode faultReport(String messageId) {
        ObjectNode message = base("FAULT_REPORT", messageId);
        message.put("deviceId", "IND-12345678");
        message.put("articleNumber", "HMN-30002");
        message.put("description", "Larmet löser inte ut vid fall.");
        message.put("outOfService", false);
        message.put("injuryOrRisk", true);
        message.putObject("location").putObject("address").put("street", ADDRESSES.get(1))
                .put("postalCode", ADDRESSES.get(2)).put("city", "Alingsås");
        message.putObject("contact").put("name", NAMES.get(4)).put("phone", PHONES.get(1));
        return message;
    }

    // ---------------------------------------------------------------- what the hub wrote

    private List<String> scanDataFiles() throws IOException {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(DATA_DIR)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = DATA_DIR.relativize(file);
                if (relative.startsWith("broker") || file.equals(LOG_FILE)) {
                    continue;
                }
                // The H2 file is binary: its text (table rows, free pages) is read as Latin-1 so digits survive.
                String text = new String(Files.readAllBytes(file), relative.startsWith("db")
                        ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
                hits.addAll(scanLines("file " + relative, text.lines().toList()));
                if (relative.startsWith("db")) {
                    hits.addAll(scanLines("file " + relative + " (UTF-8)",
                            new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList()));
                }
            }
        }
        return hits;
    }

    private List<String> scanDeadLetterProperties() throws Exception {
        List<String> hits = new ArrayList<>();
        int parked = 0;
        for (String queue : List.of(Queues.DLQ_KOMMUN_INTAKE, Queues.DLQ_ORDER_TO_SUPPLIER,
                Queues.DLQ_RETURN_TO_SUPPLIER, Queues.DLQ_FAULT_REPORT_TO_SUPPLIER, Queues.DLQ_SUPPLIER_EVENTS,
                Queues.DLQ_BROKER, Queues.EXPIRED, Queues.EXPIRED_DEAD_LETTERS)) {
            for (Message message : deadLetters(queue)) {
                parked++;
                List<String> properties = new ArrayList<>();
                for (Object name : Collections.list(message.getPropertyNames())) {
                    properties.add(name + "=" + message.getObjectProperty((String) name));
                }
                properties.add("JMSCorrelationID=" + message.getJMSCorrelationID());
                properties.add("JMSType=" + message.getJMSType());
                hits.addAll(scanLines("dead-letter properties on " + queue, properties));
            }
        }
        assertThat(parked).as("messages parked by the flows").isGreaterThanOrEqualTo(2);
        return hits;
    }

    private static List<Message> deadLetters(String queue) throws Exception {
        try (Connection connection = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT)
                .createConnection(se.hjalpmedelsnav.hub.support.HubTest.BROKER_ADMIN_USER,
                        se.hjalpmedelsnav.hub.support.HubTest.BROKER_ADMIN_PASSWORD)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            connection.start();
            List<Message> messages = new ArrayList<>();
            for (Object message : Collections.list(session.createBrowser(session.createQueue(queue)).getEnumeration())) {
                messages.add((Message) message);
            }
            return messages;
        }
    }

    private List<String> scanTrackingStore() {
        List<String> hits = new ArrayList<>();
        // The loan register's too: every loan and origin row, user pseudonyms included, and every reminder.
        for (String table : List.of("tracked_message", "supplier_event", "loan", "loan_origin", "loan_reminder")) {
            List<Map<String, Object>> rows = jdbc.queryForList("select * from " + table);
            assertThat(rows).as(table).isNotEmpty();
            hits.addAll(scanLines("tracking store " + table, rows.stream().map(Object::toString).toList()));
        }
        return hits;
    }

    // ---------------------------------------------------------------- the scan

    private static List<String> scanLines(String where, List<String> lines) {
        List<String> hits = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (String found : PersonalData.find(lines.get(i), needles())) {
                hits.add(where + ", line " + (i + 1) + ": " + found);
            }
        }
        return hits;
    }

    private static List<String> needles() {
        List<String> needles = new ArrayList<>();
        for (String number : List.of(PERSONNUMMER, SAMORDNINGSNUMMER, LUHN_INVALID)) {
            needles.addAll(PersonalData.shapesOf(number));
        }
        needles.add(SCHEMA_INVALID);
        needles.addAll(NAMES);
        NAMES.forEach(name -> needles.addAll(List.of(name.split(" "))));
        needles.addAll(ADDRESSES);
        needles.addAll(PHONES);
        // Credentials have no place in what the hub writes either.
        needles.addAll(List.of("dev-secret-not-for-production", "dev-pseudonym-secret-not-for-production", "supplier-dev", "admin-dev", "viewer-dev",
                Base64.getEncoder().encodeToString("supplier:supplier-dev".getBytes(StandardCharsets.UTF_8))));
        return needles;
    }

    // ---------------------------------------------------------------- HTTP

    /** Every text value of a JSON log line, decoded, one after another. */
    private static String textValues(JsonNode node) {
        StringBuilder text = new StringBuilder();
        if (node.isValueNode()) {
            text.append(node.asText()).append(' ');
        }
        node.forEach(child -> text.append(textValues(child)));
        return text.toString();
    }

    private static String getAsAdmin(String path) throws Exception {
        HttpResponse<String> response = http(HttpRequest.newBuilder(url(path)).GET(), "admin:admin-dev");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static void postEvent(String event) throws Exception {
        HttpResponse<String> response = http(HttpRequest.newBuilder(url("/api/supplier/events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(event)),
                "supplier:supplier-dev");
        assertThat(response.statusCode()).isEqualTo(202);
    }

    private static void simulatorMode(String mode) throws Exception {
        HttpResponse<String> response = http(HttpRequest.newBuilder(url("/simulator/admin/mode"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + mode + "\"}")), null);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> http(HttpRequest.Builder request, String credentials) throws Exception {
        if (credentials != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(String path) {
        return URI.create("http://localhost:" + HTTP_PORT + path);
    }

    /** Writes to two streams: the real console and the buffer that is scanned. */
    private static final class Tee extends OutputStream {

        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            synchronized (second) {
                second.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            synchronized (second) {
                second.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            first.flush();
        }
    }
}
