package se.hjalpmedelsnav.hub.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The folder side of the purge. Only folders whose files the hub is done with are swept by age (a status file
 * read or refused, a confirmation file read or refused); a file the hub or the supplier still needs is in
 * another folder (the inbox, the file drop's outbox, the confirmations waiting to be read) and is never looked
 * at. Läkemedelsverket's outbox is the exception: there a report's files go only once the report is confirmed,
 * and only the period after that confirmation.
 */
public final class FolderPurge {

    private FolderPurge() {
    }

    /** Deletes the files under {@code folder} last written before {@code cutoff}; how many. A missing folder has none. */
    public static int olderThan(Path folder, Instant cutoff) {
        if (folder == null || !Files.isDirectory(folder)) {
            return 0;
        }
        int removed = 0;
        for (Path file : files(folder, Integer.MAX_VALUE)) {
            if (lastWritten(file).filter(at -> at.isBefore(cutoff)).isPresent() && delete(file)) {
                removed++;
            }
        }
        return removed;
    }

    /**
     * Deletes a report's files ({@code <hubReference>.xml}, {@code .pdf}) from Läkemedelsverket's outbox once the
     * report was confirmed before {@code cutoff}. {@code confirmedAt} answers from the incident report tracking;
     * a report not confirmed, or a file the hub has no report for, stays.
     */
    public static int confirmedBefore(Path outbox, Instant cutoff, Function<String, Optional<Instant>> confirmedAt) {
        if (outbox == null || !Files.isDirectory(outbox)) {
            return 0;
        }
        int removed = 0;
        for (Path file : files(outbox, 1)) {
            String name = file.getFileName().toString();
            if (!name.endsWith(".xml") && !name.endsWith(".pdf")) {
                continue;
            }
            String hubReference = name.substring(0, name.length() - 4);
            if (confirmedAt.apply(hubReference).filter(at -> at.isBefore(cutoff)).isPresent() && delete(file)) {
                removed++;
            }
        }
        return removed;
    }

    private static List<Path> files(Path folder, int depth) {
        try (Stream<Path> walk = Files.walk(folder, depth)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static Optional<Instant> lastWritten(Path file) {
        try {
            return Optional.of(Files.getLastModifiedTime(file).toInstant());
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the time of " + file, e);
        }
    }

    private static boolean delete(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
