package se.hjalpmedelsnav.mappings.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry in force for one file. Readers get it lock-free from {@link #current()}; a reload
 * swaps it whole, and only for a file that passes every check, so a broken edit never takes the
 * hub down or leaves it half-configured.
 */
public final class RegistrySource {

    /** What a reload did. */
    public record ReloadResult(Outcome outcome, String message, Instant at) {

        public enum Outcome {
            /** The file's content is the one already seen; nothing was read. */
            UNCHANGED,
            /** The new content passed every check and is now in force. */
            RELOADED,
            /** The new content is broken; the previous registry stays in force. */
            REFUSED
        }

        public boolean reloaded() {
            return outcome == Outcome.RELOADED;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(RegistrySource.class);

    private final Path file;
    private final RegistryLoader loader;
    private final Clock clock;
    private final AtomicReference<Registry> current = new AtomicReference<>();
    /** The registry file's registry, before the assortment in force replaces its seed. */
    private final AtomicReference<Registry> fromFile = new AtomicReference<>();
    /** The assortment in force from the supplier's catalogue; null while the file's seed is in force. */
    private final AtomicReference<List<Article>> assortmentInForce = new AtomicReference<>();
    private final List<Consumer<Registry>> listeners = new CopyOnWriteArrayList<>();
    /** Digest of the content last read, good or broken, so a broken file is refused once, not every poll. */
    private byte[] lastDigest;
    private boolean lastContentRefused;
    /** The last load or refusal (the load at start until a reload or a refused change): what the console shows. */
    private volatile ReloadResult lastChange;

    /** Loads the file now; fails if it cannot be put in force. */
    public RegistrySource(Path file, RegistryLoader loader) throws InvalidRegistryException {
        this(file, loader, Clock.systemUTC());
    }

    public RegistrySource(Path file, RegistryLoader loader, Clock clock) throws InvalidRegistryException {
        this.file = Objects.requireNonNull(file, "file");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.clock = Objects.requireNonNull(clock, "clock");
        byte[] content = read();
        fromFile.set(loader.load(content, file.toString()));
        current.set(fromFile.get());
        lastDigest = digest(content);
        lastChange = new ReloadResult(ReloadResult.Outcome.RELOADED, "loaded at start: " + file, clock.instant());
        LOG.info("Registry loaded from {}", file);
    }

    /** The registry in force: the file's, with the assortment in force where a catalogue has set one. */
    public Registry current() {
        return current.get();
    }

    /** The last time a content was put in force or refused; an unchanged file leaves it as it is. */
    public ReloadResult lastChange() {
        return lastChange;
    }

    /** The registry file's own registry, its assortment the development seed. */
    public Registry fromFile() {
        return fromFile.get();
    }

    /**
     * Puts the assortment of the supplier's catalogue in force in place of the file's seed, for every reader from
     * now on; a later reload of the file keeps it.
     */
    public synchronized void useAssortment(List<Article> inForce) {
        assortmentInForce.set(List.copyOf(inForce));
        current.set(fromFile.get().withAssortment(inForce));
    }

    /** The file this source reads. */
    public Path file() {
        return file;
    }

    /** Called with the new registry after each successful reload (not for the first load). */
    public void addListener(Consumer<Registry> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<Registry> listener) {
        listeners.remove(listener);
    }

    /**
     * Reloads if the file's content differs from the content last read; cheap enough to call every
     * few seconds (one read and one hash of a small file).
     */
    public synchronized ReloadResult reloadIfChanged() {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            return refused("cannot read " + file + ": " + e.getClass().getSimpleName());
        }
        if (Arrays.equals(digest(content), lastDigest)) {
            String message = lastContentRefused
                    ? "unchanged since refused, the previous registry stays in force: " + file
                    : "unchanged: " + file;
            return new ReloadResult(ReloadResult.Outcome.UNCHANGED, message, clock.instant());
        }
        return apply(content);
    }

    /** Reloads whatever the file's content. */
    public synchronized ReloadResult reload() {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            return refused("cannot read " + file + ": " + e.getClass().getSimpleName());
        }
        return apply(content);
    }

    private ReloadResult apply(byte[] content) {
        lastDigest = digest(content);
        Registry registry;
        try {
            registry = loader.load(content, file.toString());
        } catch (InvalidRegistryException e) {
            lastContentRefused = true;
            return refused(e.getMessage());
        }
        lastContentRefused = false;
        fromFile.set(registry);
        List<Article> inForce = assortmentInForce.get();
        current.set(inForce == null ? registry : registry.withAssortment(inForce));
        LOG.info("Registry reloaded from {}", file);
        for (Consumer<Registry> listener : listeners) {
            try {
                listener.accept(current.get());
            } catch (RuntimeException e) {
                // The new registry is in force whatever a listener does; one failing must not starve the others.
                LOG.error("A registry listener failed after reloading {}", file, e);
            }
        }
        lastChange = new ReloadResult(ReloadResult.Outcome.RELOADED, "reloaded: " + file, clock.instant());
        return lastChange;
    }

    private ReloadResult refused(String message) {
        LOG.warn("Registry reload refused, the previous registry stays in force. {}", message);
        lastChange = new ReloadResult(ReloadResult.Outcome.REFUSED, message, clock.instant());
        return lastChange;
    }

    private byte[] read() throws InvalidRegistryException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidRegistryException(file.toString(), List.of(new InvalidRegistryException.Problem(
                    0, 0, "", "cannot read the file: " + e.getClass().getSimpleName())), e);
        }
    }

    private static byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
