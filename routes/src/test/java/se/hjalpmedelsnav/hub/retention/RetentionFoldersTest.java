package se.hjalpmedelsnav.hub.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import se.hjalpmedelsnav.hub.incident.IncidentReportStore;
import se.hjalpmedelsnav.hub.tracking.TestDatabases;
import se.hjalpmedelsnav.hub.tracking.TestDatabases.TestDatabase;

/**
 * The folders under the data folder, laid out as the embedded default's: files past their period go, younger ones
 * stay, and a file still needed (waiting in an inbox or outbox, a report not confirmed) stays however old.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionFoldersTest {

    private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");

    @TempDir
    Path data;

    private RetentionFixture.Broker broker;
    private TestDatabase db;
    private final RetentionProperties policy = RetentionFixture.policy();

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
    void filesPastTheirPeriodGoAndFilesStillNeededStay() throws Exception {
        var folders = policy.folders();
        Path processedOld = file("filedrop/processed/order-response-1.xml", NOW.minus(folders.filedropProcessed()).minusSeconds(60));
        Path processedYoung = file("filedrop/processed/order-response-2.xml", NOW.minus(folders.filedropProcessed()).plusSeconds(60));
        Path errorOld = file("filedrop/error/despatch-1.xml", NOW.minus(folders.filedropError()).minusSeconds(60));
        Path errorReasonOld = file("filedrop/error/despatch-1.xml.reason.txt", NOW.minus(folders.filedropError()).minusSeconds(60));
        Path errorYoung = file("filedrop/error/despatch-2.xml", NOW.minus(folders.filedropError()).plusSeconds(60));
        Path inboxAncient = file("filedrop/inbox/despatch-3.xml", NOW.minus(Duration.ofDays(3000)));
        Path outboxAncient = file("filedrop/outbox/order-4.xml", NOW.minus(Duration.ofDays(3000)));

        var reports = new IncidentReportStore(new JdbcTemplate(db.dataSource()));
        String confirmedLongAgo = report(reports, NOW.minus(folders.authorityOutbox()).minusSeconds(60));
        String confirmedRecently = report(reports, NOW.minus(folders.authorityOutbox()).plusSeconds(60));
        String unconfirmed = report(reports, null);
        Instant ancient = NOW.minus(Duration.ofDays(3000));
        Path[] confirmedLongAgoFiles = {file("lakemedelsverket/outbox/" + confirmedLongAgo + ".xml", ancient),
                file("lakemedelsverket/outbox/" + confirmedLongAgo + ".pdf", ancient)};
        Path confirmedRecentlyFile = file("lakemedelsverket/outbox/" + confirmedRecently + ".pdf", ancient);
        Path unconfirmedFile = file("lakemedelsverket/outbox/" + unconfirmed + ".pdf", ancient);
        Path unknownFile = file("lakemedelsverket/outbox/" + UUID.randomUUID() + ".pdf", ancient);

        Path confirmationUnread = file("lakemedelsverket/confirmations/c-1.json", ancient);
        Path confirmationReadOld = file("lakemedelsverket/confirmations/processed/c-2.json", NOW.minus(folders.confirmations()).minusSeconds(60));
        Path confirmationReadYoung = file("lakemedelsverket/confirmations/processed/c-3.json", NOW.minus(folders.confirmations()).plusSeconds(60));
        Path confirmationRefusedOld = file("lakemedelsverket/confirmations/error/c-4.json", NOW.minus(folders.confirmations()).minusSeconds(60));

        RetentionAudit.Run run = RetentionFixture.purge(policy, db.dataSource(), broker.connectionFactory(),
                new RetentionFixture.MovableClock(NOW), new SimpleMeterRegistry(), "hub-a",
                RetentionFixture.folders(data, reports)).run();

        assertThat(run.removed()).containsEntry("filedrop_processed", 1).containsEntry("filedrop_error", 2)
                .containsEntry("authority_outbox", 2).containsEntry("confirmations", 2);
        assertThat(processedOld).doesNotExist();
        assertThat(errorOld).doesNotExist();
        assertThat(errorReasonOld).doesNotExist();
        assertThat(confirmedLongAgoFiles[0]).doesNotExist();
        assertThat(confirmedLongAgoFiles[1]).doesNotExist();
        assertThat(confirmationReadOld).doesNotExist();
        assertThat(confirmationRefusedOld).doesNotExist();

        assertThat(processedYoung).exists();
        assertThat(errorYoung).exists();
        assertThat(inboxAncient).as("not read yet").exists();
        assertThat(outboxAncient).as("not taken by the supplier yet").exists();
        assertThat(confirmedRecentlyFile).exists();
        assertThat(unconfirmedFile).as("a report not confirmed, however old").exists();
        assertThat(unknownFile).as("a file the hub has no report for").exists();
        assertThat(confirmationUnread).as("not read yet").exists();
        assertThat(confirmationReadYoung).exists();
    }

    private Path file(String relative, Instant lastWritten) throws Exception {
        Path file = data.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "fictional content");
        Files.setLastModifiedTime(file, FileTime.from(lastWritten));
        return file;
    }

    private static String report(IncidentReportStore reports, Instant confirmedAt) {
        String hubReference = UUID.randomUUID().toString();
        var accepted = NOW.minus(Duration.ofDays(3000)).atOffset(ZoneOffset.UTC);
        reports.trackIfAbsent(hubReference, "1480", "incident-" + hubReference, "DEATH", accepted, accepted.plusDays(2));
        if (confirmedAt != null) {
            reports.confirm(hubReference, "6.3.4-2027-1", confirmedAt.atOffset(ZoneOffset.UTC));
        }
        return hubReference;
    }
}
