package se.hjalpmedelsnav.hub.resilience;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Java program of the project run as its own operating-system process, its output appended to a
 * log file that survives its restarts. {@link #kill()} is SIGKILL ({@code destroyForcibly}), {@link #stop()}
 * SIGTERM: what an operator's {@code kill -9} and {@code kill} do.
 */
class JavaProcess implements AutoCloseable {

    static final Path PROJECT = Path.of(System.getProperty("user.dir")).getParent();
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    /** What this test JVM started and has not ended: ended with it, even when the test run is cut short. */
    private static final java.util.Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    private final String name;
    private final List<String> command;
    private final Path log;
    private final String readyLine;
    private Process process;
    /** Where the log stood when the process was launched last. */
    private long launchedAt;

    JavaProcess(String name, List<String> jvmAndMain, List<String> arguments, Path log, String readyLine) {
        this.name = name;
        this.command = new ArrayList<>();
        this.command.add(JAVA);
        this.command.addAll(jvmAndMain);
        this.command.addAll(arguments);
        this.log = log;
        this.readyLine = readyLine;
    }

    /** The packaged production hub, as the build made it ({@code mvn package}: routes/target/routes-*.jar). */
    static Path hubJar() {
        return packaged("nav.test.hub-jar", "target/routes-0.1.0-SNAPSHOT.jar", "hub");
    }

    /**
     * The packaged hub extracted, with the class-data-sharing archive {@code hub.jsa} of its training start
     * ({@code -Dnav.test.hub-cds}, routes/target/hub-cds), or null when the build made none (e.g. a run from the IDE).
     */
    static Path hubCds() {
        String dir = System.getProperty("nav.test.hub-cds");
        if (dir == null || dir.isBlank()) {
            return null;
        }
        Path cds = Path.of(dir).toAbsolutePath();
        return Files.isRegularFile(cds.resolve("hub.jsa")) && Files.isRegularFile(cds.resolve(hubJar().getFileName()))
                ? cds : null;
    }

    /** The packaged standalone supplier simulator (supplier-simulator/target/supplier-simulator-*.jar). */
    static Path simulatorJar() {
        return packaged("nav.test.simulator-jar", "../supplier-simulator/target/supplier-simulator-0.1.0-SNAPSHOT.jar",
                "supplier simulator");
    }

    private static Path packaged(String property, String fallback, String what) {
        Path jar = Path.of(System.getProperty(property, fallback));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged " + what + " at " + jar.toAbsolutePath() + ": run mvn package first");
        }
        return jar.toAbsolutePath();
    }

    /** Starts the process and returns once its log shows it is ready. */
    JavaProcess start(Duration timeout) {
        return launch().awaitReady(timeout);
    }

    /** Starts the process and returns at once: {@link #awaitReady} waits for it (several can start side by side). */
    JavaProcess launch() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        launchedAt = logSize();
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            RUNNING.add(process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Returns once the log shows the process {@link #launch() launched} last is ready. */
    JavaProcess awaitReady(Duration timeout) {
        long offset = launchedAt;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!logSince(offset).contains(readyLine)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready:\n"
                        + tail(logSince(offset), 4000));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready within " + timeout + ":\n" + tail(logSince(offset), 4000));
            }
            pause(250);
        }
        return this;
    }

    /** SIGKILL: no shutdown hook, nothing flushed, like a power cut of the process. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(60));
    }

    /** SIGTERM, then waits for the process to finish its graceful shutdown; returns the exit code. */
    int stop(Duration timeout) {
        process.destroy();
        return awaitExit(timeout);
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    String logSince(long offset) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            if (file.length() <= offset) {
                return "";
            }
            file.seek(offset);
            byte[] bytes = new byte[(int) (file.length() - offset)];
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    long logSize() {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor();
                throw new IllegalStateException(name + " did not exit within " + timeout);
            }
            RUNNING.remove(process);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String tail(String text, int chars) {
        return text.length() <= chars ? text : text.substring(text.length() - chars);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (isAlive()) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(60));
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
