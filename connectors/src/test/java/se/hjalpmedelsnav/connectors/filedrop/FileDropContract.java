package se.hjalpmedelsnav.connectors.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the file drop promises in every mode: the supplier never sees a partial file or an overwritten one,
 * and the hub reads each status file once, even across a restart, and moves it aside.
 */
abstract class FileDropContract {

    static final Duration QUICK = Duration.ofMillis(100);
    static final String REPOSITORY = "statusFileRepository";
    static final String ROUTE = "status-files";

    @TempDir
    Path work;

    private final List<CamelContext> contexts = new ArrayList<>();

    /** The file drop's properties, its folders under {@link #dropRoot()}. */
    abstract FileDropProperties properties();

    /** The drop's root as seen on this machine. */
    abstract Path dropRoot();

    /** Names the outbox saw written to, in order (repeats allowed). */
    abstract List<String> namesWrittenInOutbox();

    /** Asserts that the final name came into being only as the complete temporary file. */
    abstract void assertAppearedOnlyComplete(String temporaryName, String finalName, long length);

    /** Gives the context what the hub's Spring environment would give it. */
    void prepare(CamelContext camel) {
    }

    @AfterEach
    void stopContexts() {
        contexts.forEach(CamelContext::stop);
        contexts.clear();
    }

    @Test
    void writesUnderATemporaryNameAndShowsTheFinalNameOnlyWhenComplete() {
        byte[] order = largeOrder();
        CamelContext camel = start(memoryRepository());

        camel.createProducerTemplate().sendBodyAndHeader(endpoints().toSupplier().resolve(camel), order,
                Exchange.FILE_NAME, "order-1.xml");

        assertAppearedOnlyComplete("order-1.xml.part", "order-1.xml", order.length);
        assertThat(namesWrittenInOutbox()).contains("order-1.xml.part").doesNotContain("order-1.xml");
        assertThat(folder("outbox")).containsExactly("order-1.xml");
        assertThat(dropRoot().resolve("outbox/order-1.xml")).hasBinaryContent(order);
    }

    @Test
    void aMessageWrittenAgainReplacesItsOwnFileInsteadOfMakingASecond() {
        write("outbox/order-2.xml", "<order>first attempt</order>");
        CamelContext camel = start(memoryRepository());

        camel.createProducerTemplate().sendBodyAndHeader(endpoints().toSupplier().resolve(camel),
                "<order>written again</order>", Exchange.FILE_NAME, "order-2.xml");

        assertThat(dropRoot().resolve("outbox/order-2.xml")).hasContent("<order>written again</order>");
        assertThat(folder("outbox")).containsExactly("order-2.xml");
    }

    @Test
    void leavesAStatusFileStillBeingWrittenAlone() throws InterruptedException {
        write("inbox/status-1.xml.part", "<status>half");
        write("inbox/status-2.xml", "<status>2</status>");
        CamelContext camel = start(memoryRepository(), statusRoute());
        MockEndpoint statuses = camel.getEndpoint("mock:status", MockEndpoint.class);
        statuses.expectedBodiesReceived("<status>2</status>");

        statuses.assertIsSatisfied();
        awaitTwoMorePolls(camel);
        assertThat(statuses.getReceivedCounter()).isEqualTo(1);
        assertThat(folder("inbox")).containsExactly("status-1.xml.part");
    }

    @Test
    void deliversEachStatusFileOnceAndMovesItToProcessed() throws InterruptedException {
        write("inbox/status-1.xml", "<status>1</status>");
        write("inbox/status-2.xml", "<status>2</status>");
        CamelContext camel = start(memoryRepository(), statusRoute());
        MockEndpoint statuses = camel.getEndpoint("mock:status", MockEndpoint.class);
        statuses.expectedBodiesReceivedInAnyOrder("<status>1</status>", "<status>2</status>");

        statuses.assertIsSatisfied();
        await().untilAsserted(() -> assertThat(folder("processed")).containsExactlyInAnyOrder(
                "status-1.xml", "status-2.xml"));
        assertThat(folder("inbox")).isEmpty();
        awaitTwoMorePolls(camel);

        assertThat(statuses.getReceivedCounter()).isEqualTo(2);
    }

    @Test
    void doesNotDeliverAStatusFileAgainAfterARestart() throws InterruptedException {
        Path store = work.resolve("read-status-files.dat");
        write("inbox/status-1.xml", "<status>1</status>");
        CamelContext before = start(fileRepository(store), statusRoute());
        MockEndpoint firstRun = before.getEndpoint("mock:status", MockEndpoint.class);
        firstRun.expectedBodiesReceived("<status>1</status>");
        firstRun.assertIsSatisfied();
        await().untilAsserted(() -> assertThat(folder("processed")).containsExactly("status-1.xml"));
        before.stop();

        // As if the hub had died after handling the file but before moving it: the same file is back.
        copy("processed/status-1.xml", "inbox/status-1.xml");
        write("inbox/status-2.xml", "<status>2</status>");
        CamelContext after = start(fileRepository(store), statusRoute());
        MockEndpoint secondRun = after.getEndpoint("mock:status", MockEndpoint.class);
        secondRun.expectedBodiesReceived("<status>2</status>");

        secondRun.assertIsSatisfied();
        awaitTwoMorePolls(after);
        assertThat(secondRun.getReceivedCounter()).isEqualTo(1);
        assertThat(folder("inbox")).containsExactly("status-1.xml");
    }

    @Test
    void movesAStatusFileTheRouteFailsOnToTheErrorFolder() throws InterruptedException {
        write("inbox/broken.xml", "<broken/>");
        write("inbox/status-1.xml", "<status>1</status>");
        CamelContext camel = start(memoryRepository(), statusRoute());
        MockEndpoint statuses = camel.getEndpoint("mock:status", MockEndpoint.class);
        statuses.expectedBodiesReceived("<status>1</status>");

        statuses.assertIsSatisfied();
        await().untilAsserted(() -> {
            assertThat(folder("error")).containsExactly("broken.xml");
            assertThat(folder("processed")).containsExactly("status-1.xml");
        });
        assertThat(folder("inbox")).isEmpty();
        assertThat(dropRoot().resolve("error/broken.xml")).hasContent("<broken/>");
    }

    FileDropEndpoints endpoints() {
        return new FileDropEndpoints(properties());
    }

    /** The hub's side of the inbox, failing on a file it cannot read as the hub's routes would. */
    RouteBuilder statusRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(endpoints().fromSupplier(REPOSITORY)).routeId(ROUTE)
                        .convertBodyTo(String.class)
                        .filter(body().contains("<broken/>"))
                            .throwException(new IllegalStateException("unreadable status file"))
                        .end()
                        .to("mock:status");
            }
        };
    }

    CamelContext start(IdempotentRepository repository, RouteBuilder... routes) {
        try {
            CamelContext camel = new DefaultCamelContext();
            contexts.add(camel);
            camel.getRegistry().bind(REPOSITORY, repository);
            prepare(camel);
            for (RouteBuilder route : routes) {
                camel.addRoutes(route);
            }
            camel.start();
            return camel;
        } catch (Exception e) {
            throw new IllegalStateException("Camel did not start", e);
        }
    }

    static IdempotentRepository memoryRepository() {
        return MemoryIdempotentRepository.memoryIdempotentRepository();
    }

    /** A repository that outlives a Camel context, as the hub's database one does. */
    static IdempotentRepository fileRepository(Path store) {
        return FileIdempotentRepository.fileIdempotentRepository(store.toFile());
    }

    /** Waits until the inbox has been looked into twice more, so anything it would deliver has come. */
    static void awaitTwoMorePolls(CamelContext camel) {
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) camel.getRoute(ROUTE).getConsumer();
        long polls = consumer.getCounter();
        await().until(() -> consumer.getCounter() >= polls + 2);
    }

    /** Big enough to take many SFTP write requests. */
    static byte[] largeOrder() {
        StringBuilder order = new StringBuilder("<order>");
        while (order.length() < 2_000_000) {
            order.append("<line><article>100234</article><quantity>1</quantity></line>");
        }
        return order.append("</order>").toString().getBytes(StandardCharsets.UTF_8);
    }

    List<String> folder(String name) {
        Path folder = dropRoot().resolve(name);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String file, String content) {
        try {
            Path target = dropRoot().resolve(file);
            Files.createDirectories(target.getParent());
            Files.writeString(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies with the file's time, as the same file left in place would have it. */
    void copy(String from, String to) {
        try {
            Files.copy(dropRoot().resolve(from), dropRoot().resolve(to), StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
