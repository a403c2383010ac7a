package se.hjalpmedelsnav.connectors.filedrop;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import se.hjalpmedelsnav.connectors.filedrop.FileDropProperties.Mode;
import se.hjalpmedelsnav.connectors.filedrop.FileDropProperties.Sftp;

/** The file drop on a local folder, the embedded default; the outbox is watched through the file system. */
class LocalFileDropTest extends FileDropContract {

    private final List<String> journal = new ArrayList<>();
    private WatchService outboxWatch;

    @BeforeEach
    void watchOutbox() throws IOException {
        Path outbox = Files.createDirectories(dropRoot().resolve("outbox"));
        outboxWatch = FileSystems.getDefault().newWatchService();
        outbox.register(outboxWatch, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
    }

    @AfterEach
    void stopWatching() throws IOException {
        outboxWatch.close();
    }

    @Override
    FileDropProperties properties() {
        return new FileDropProperties(Mode.LOCAL, dropRoot(), new Sftp(null, 22, null, null, null, null, null, null),
                "outbox", "inbox", "processed", "error", QUICK, QUICK);
    }

    @Override
    Path dropRoot() {
        return work.resolve("drop");
    }

    @Override
    List<String> namesWrittenInOutbox() {
        readOutboxEvents();
        return journal.stream().filter(event -> event.startsWith("ENTRY_MODIFY ")).map(event -> event.substring(13))
                .toList();
    }

    /** A rename shows as the temporary name deleted, then the final name created, never modified. */
    @Override
    void assertAppearedOnlyComplete(String temporaryName, String finalName, long length) {
        await().untilAsserted(() -> {
            readOutboxEvents();
            assertThat(journal).containsSubsequence("ENTRY_CREATE " + temporaryName, "ENTRY_MODIFY " + temporaryName,
                    "ENTRY_DELETE " + temporaryName, "ENTRY_CREATE " + finalName);
        });
        assertThat(journal).doesNotContain("ENTRY_MODIFY " + finalName);
        assertThat(dropRoot().resolve("outbox").resolve(finalName)).hasSize(length);
    }

    private void readOutboxEvents() {
        WatchKey key;
        while ((key = outboxWatch.poll()) != null) {
            for (WatchEvent<?> event : key.pollEvents()) {
                journal.add(event.kind().name() + " " + event.context());
            }
            key.reset();
        }
    }
}
