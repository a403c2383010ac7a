package se.hjalpmedelsnav.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.hub.incident.IncidentReportStore;
import se.hjalpmedelsnav.hub.retention.RetentionFixture;
import se.hjalpmedelsnav.hub.retention.RetentionProperties;
import se.hjalpmedelsnav.hub.retention.RetentionPurge;
import se.hjalpmedelsnav.hub.tracking.TestDatabases;
import se.hjalpmedelsnav.hub.tracking.TestDatabases.TestDatabase;

/**
 * The personal-data scan after the retention periods: where the hub keeps personal data for a while (a parked
 * order's body, Läkemedelsverket's outbox with the reporter's name and phone, the file drop's status files), the
 * same scan as {@link PersonalDataScanTest}'s finds it before its period is over and nothing after it: not in any
 * file of the data folder, any message (body or property) on the dead-letter and expiry queues, or any row of the
 * database. Fictional people only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionPersonalDataTest {

    private static final String PERSONNUMMER = "19630815-9877";
    private static final String NAME = "Sigvard Skyddsson";
    private static final String REPORTER = "Gunilla Godmansdotter";
    private static final String ADDRESS = "Lönnvägen 42";
    private static final String PHONE = "070-555 01 23";

    @TempDir
    Path data;

    private RetentionFixture.Broker broker;
    private TestDatabase db;

    @BeforeAll
    void start() throws Exception {
        broker = new RetentionFixture.Broker();
        db = TestDatabases.h2();
    }

    @AfterAll
    void close() throws Exception {
        db.drop().run();
        broker.close();
    }

    @Test
    void nothingPersonalIsLeftPastItsPeriod() throws Exception {
        RetentionProperties policy = RetentionFixture.policy();
        Instant now = Instant.now();
        var reports = new IncidentReportStore(new JdbcTemplate(db.dataSource()));
        String report = UUID.randomUUID().toString();
        reports.trackIfAbsent(report, "1480", "incident-1", "SERIOUS_INJURY", now.atOffset(ZoneOffset.UTC),
                now.plus(Duration.ofDays(2)).atOffset(ZoneOffset.UTC));
        reports.confirm(report, "6.3.4-2027-7", now.atOffset(ZoneOffset.UTC));
        write("lakemedelsverket/outbox/" + report + ".xml", "<reporter><name>" + REPORTER + "</name><phone>" + PHONE
                + "</phone></reporter>");
        write("lakemedelsverket/outbox/" + report + ".pdf", "Reporter: " + REPORTER + ", " + PHONE);
        write("filedrop/processed/despatch-1.xml", "<cac:DeliveryParty>" + NAME + ", " + ADDRESS + "</cac:DeliveryParty>");
        write("filedrop/error/despatch-2.xml", "<cbc:ID>" + PERSONNUMMER.replace("-", "") + "</cbc:ID>");
        write("filedrop/error/despatch-2.xml.reason.txt", "not a despatch advice");
        broker.park(Queues.DLQ_ORDER_TO_SUPPLIER, Queues.ORDER_TO_SUPPLIER, "{\"recipient\":{\"personalIdentityNumber\":\""
                + PERSONNUMMER.replace("-", "") + "\",\"name\":\"" + NAME + "\"},\"address\":\"" + ADDRESS + "\"}",
                UUID.randomUUID().toString());
        var clock = new RetentionFixture.MovableClock(now);
        RetentionPurge purge = RetentionFixture.purge(policy, db.dataSource(), broker.connectionFactory(), clock,
                new SimpleMeterRegistry(), "hub-a", RetentionFixture.folders(data, reports));

        purge.run();
        assertThat(scan()).as("within their periods, the scan finds them").isNotEmpty();

        clock.set(now.plus(policy.deadLetters().alertAfter()).plusSeconds(60));
        purge.run();
        Instant pastEveryPeriod = now.plus(longest(policy)).plusSeconds(60);
        clock.set(pastEveryPeriod);
        purge.run();

        assertThat(scan()).as("past their periods").isEmpty();
        assertThat(broker.browse(Queues.EXPIRED_DEAD_LETTERS)).as("the parked order, without its body").hasSize(1);
    }

    private static Duration longest(RetentionProperties policy) {
        var f = policy.folders();
        return Stream.of(f.filedropProcessed(), f.filedropError(), f.authorityOutbox(), f.confirmations(),
                policy.deadLetters().expireAfter()).max(Duration::compareTo).orElseThrow();
    }

    private void write(String relative, String content) throws Exception {
        Path file = data.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** Every finding, named by where it is and masked; never the value itself. */
    private List<String> scan() throws Exception {
        List<String> needles = new ArrayList<>(PersonalData.shapesOf(PERSONNUMMER));
        needles.addAll(List.of(NAME, REPORTER, ADDRESS, PHONE));
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    PersonalData.find(line, needles).forEach(hit -> hits.add(data.relativize(file) + ": " + hit));
                }
            }
        }
        List<String> queues = new ArrayList<>(Queues.deadLetterQueues());
        queues.addAll(List.of(Queues.EXPIRED_DEAD_LETTERS, Queues.EXPIRED));
        for (String queue : queues) {
            for (Message message : broker.browse(queue)) {
                List<String> texts = new ArrayList<>();
                if (message instanceof TextMessage text) {
                    texts.add(text.getText());
                }
                for (Object name : Collections.list(message.getPropertyNames())) {
                    texts.add(name + "=" + message.getObjectProperty((String) name));
                }
                texts.add(String.valueOf(message.getJMSCorrelationID()));
                texts.forEach(text -> PersonalData.find(text, needles).forEach(hit -> hits.add(queue + ": " + hit)));
            }
        }
        var jdbc = new JdbcTemplate(db.dataSource());
        for (String table : List.of("tracked_message", "supplier_event", "camel_messageprocessed", "incident_report",
                "replay_audit", "retention_audit", "retention_run")) {
            for (var row : jdbc.queryForList("select * from " + table)) {
                PersonalData.find(row.toString(), needles).forEach(hit -> hits.add(table + ": " + hit));
            }
        }
        return hits;
    }
}
