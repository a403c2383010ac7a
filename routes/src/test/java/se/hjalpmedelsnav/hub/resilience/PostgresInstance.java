package se.hjalpmedelsnav.hub.resilience;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import se.hjalpmedelsnav.hub.support.HubTest;

/**
 * A PostgreSQL server of the test's own (initdb and pg_ctl of the machine's PostgreSQL 15), on loopback, a free port,
 * its data and unix socket in a temporary folder, trust authentication: a server the test may crash and start again
 * without touching the machine's shared one (other tests use it at the same moment in CI). PostgreSQL refuses to run
 * as root, so as root every command runs as the {@code postgres} user ({@code runuser -u postgres --}); a machine
 * where that cannot work fails the test with the reason, it does not skip it.
 *
 * <p>{@code -Dnav.test.postgres-bin} names the binaries' folder (default {@value #DEFAULT_BIN}).
 */
final class PostgresInstance implements AutoCloseable {

    static final String DEFAULT_BIN = "/usr/lib/postgresql/15/bin";
    static final String USER = "postgres";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path bin;
    private final Path folder;
    private final Path data;
    private final int port;
    /** pg_ctl's server outlives the test JVM unless stopped: also stopped when the JVM ends before {@link #close()}. */
    private final Thread stopAtExit = new Thread(this::close, "stop-postgres");

    private PostgresInstance(Path bin, Path folder, int port) {
        this.bin = bin;
        this.folder = folder;
        this.data = folder.resolve("data");
        this.port = port;
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** A new cluster (initdb) in a temporary folder, started on a free loopback port. */
    static PostgresInstance start() throws IOException, InterruptedException {
        Path bin = Path.of(System.getProperty("nav.test.postgres-bin", DEFAULT_BIN));
        if (!Files.isExecutable(bin.resolve("initdb")) || !Files.isExecutable(bin.resolve("pg_ctl"))) {
            throw new IllegalStateException("no PostgreSQL initdb and pg_ctl in " + bin
                    + ": install PostgreSQL 15 or name its binaries with -Dnav.test.postgres-bin");
        }
        Path folder = Files.createTempDirectory("hjalpmedelsnav-postgres-");
        if (ROOT) {
            // The folder (mode 700) must belong to the user PostgreSQL runs as.
            run(List.of("chown", USER + ":" + USER, folder.toString()), Duration.ofSeconds(30), "chown");
        }
        var instance = new PostgresInstance(bin, folder, HubTest.freePort());
        try {
            instance.pg("initdb", "-D", instance.data.toString(), "-A", "trust", "-U", USER, "-E", "UTF8",
                    "--no-sync", "--no-instructions");
            instance.startServer();
            return instance;
        } catch (RuntimeException | IOException | InterruptedException e) {
            instance.close();
            throw e;
        }
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    int port() {
        return port;
    }

    /** Starts the server (again) and returns once it takes connections; after a crash it recovers from its WAL first. */
    void startServer() throws IOException, InterruptedException {
        try {
            pg("pg_ctl", "start", "-w", "-t", "180", "-D", data.toString(), "-l", folder.resolve("postgres.log").toString(),
                    "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c max_connections=60");
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "\nPostgreSQL's log:\n" + JavaProcess.tail(log(), 4000), e);
        }
    }

    /**
     * Stops the server as a crash would ({@code pg_ctl stop -m immediate}: every backend and the postmaster end at once,
     * no checkpoint, transactions in flight are lost and the next start recovers from the WAL).
     */
    void crash() throws IOException, InterruptedException {
        pg("pg_ctl", "stop", "-w", "-m", "immediate", "-D", data.toString());
    }

    /**
     * Transactions committed in the hubs' database so far ({@code pg_stat_database.xact_commit}), for the commits an order
     * costs. PostgreSQL resets the count when it recovers from a crash.
     */
    long commits() throws java.sql.SQLException {
        try (var connection = java.sql.DriverManager.getConnection(url(), USER, "");
                var result = connection.createStatement()
                        .executeQuery("select xact_commit from pg_stat_database where datname = current_database()")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The server's own log (connections refused, recovery), for a failure's message. */
    private String log() {
        try {
            return Files.readString(folder.resolve("postgres.log"));
        } catch (IOException e) {
            return "";
        }
    }

    /** Stops the server if it runs and removes its folder. */
    @Override
    public synchronized void close() {
        if (!Files.exists(folder)) {
            return;
        }
        if (Thread.currentThread() != stopAtExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopAtExit);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is ending: the hook may run too, and finds the folder gone
            }
        }
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                pg("pg_ctl", "stop", "-w", "-m", "immediate", "-D", data.toString());
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("PostgreSQL at " + data + " did not stop: " + e.getMessage());
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not remove " + folder + ": " + e.getMessage());
            }
        }
    }

    /** One of PostgreSQL's programs, as {@code postgres} when the test runs as root. */
    private void pg(String program, String... arguments) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        if (ROOT) {
            command.addAll(List.of("runuser", "-u", USER, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        run(command, Duration.ofMinutes(4), program);
    }

    private static void run(List<String> command, Duration timeout, String what)
            throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(what + " could not be started (" + String.join(" ", command) + ")"
                    + (ROOT ? ": as root PostgreSQL's programs run as the postgres user through runuser" : ""), e);
        }
        // pg_ctl start leaves the server running with its output in the log file, not on this pipe.
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(what + " did not finish within " + timeout + ":\n" + output);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(what + " failed (exit " + process.exitValue() + ", "
                    + String.join(" ", command) + ")" + (ROOT ? " running as the postgres user" : "") + ":\n" + output);
        }
    }
}
