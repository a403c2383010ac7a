package se.hjalpmedelsnav.hub.assortment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import se.hjalpmedelsnav.connectors.filedrop.FileDropEndpoints;
import se.hjalpmedelsnav.connectors.filedrop.FileDropProperties;
import se.hjalpmedelsnav.connectors.peppol.PeppolValidation;
import se.hjalpmedelsnav.hub.supplier.filedrop.ClaimedStatusFiles;
import se.hjalpmedelsnav.hub.supplier.filedrop.FileDropHubConfiguration;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.hub.tracking.TestDatabases;
import se.hjalpmedelsnav.hub.tracking.TestDatabases.TestDatabase;
import se.hjalpmedelsnav.mappings.assortment.Catalogues;
import se.hjalpmedelsnav.mappings.registry.Article;
import se.hjalpmedelsnav.mappings.registry.RegistryLoader;
import se.hjalpmedelsnav.mappings.registry.RegistrySource;

/**
 * Two hubs on one database reading one inbox folder, each a Camel context with the hub's own inbox consumer
 * ({@link FileDropEndpoints#fromSupplier}, its files claimed in the shared database: {@link ClaimedStatusFiles}) and the
 * hub's own catalogue step ({@link CatalogueFiles}, {@link AssortmentStore}, {@link AssortmentInForce}) on its own
 * registry file. Catalogues dropped while both poll are each taken by one hub, applied once, and in force on both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueTwoHubsTest {

    private static final int CATALOGUES = 6;

    private final List<TestDatabase> databases = TestDatabases.all();
    private final PeppolValidation peppol = new PeppolValidation();

    List<TestDatabase> databases() {
        return databases;
    }

    @AfterAll
    void dropSchemas() {
        databases.forEach(db -> db.drop().run());
    }

    /** One hub: its registry, its assortment in force, and the inbox route of its Camel context. */
    private final class Hub implements AutoCloseable {

        final RegistrySource registry;
        final AssortmentInForce inForce;
        final CamelContext camel = new DefaultCamelContext();

        Hub(TestDatabase db, Path dataDir, Path fileDrop) throws Exception {
            registry = new RegistrySource(HubTest.registryCopy(dataDir), new RegistryLoader());
            AssortmentStore store = new AssortmentStore(new JdbcTemplate(db.dataSource()));
            inForce = new AssortmentInForce(store, registry, Clock.systemUTC());
            inForce.afterPropertiesSet();
            CatalogueFiles catalogues = new CatalogueFiles(peppol, store, inForce, registry, Clock.systemUTC());
            camel.getRegistry().bind(FileDropHubConfiguration.STATUS_FILE_REPOSITORY,
                    new ClaimedStatusFiles(db.dataSource()));
            FileDropEndpoints endpoints = new FileDropEndpoints(new FileDropProperties(FileDropProperties.Mode.LOCAL,
                    fileDrop, null, "outbox", "inbox", "processed", "error", Duration.ofMillis(100),
                    Duration.ofMillis(200)));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(endpoints.fromSupplier(FileDropHubConfiguration.STATUS_FILE_REPOSITORY))
                            .convertBodyTo(byte[].class)
                            .bean(catalogues, "apply")
                            .to("mock:taken");
                }
            });
        }

        void start() {
            camel.start();
        }

        int taken() {
            return camel.getEndpoint("mock:taken", MockEndpoint.class).getReceivedCounter();
        }

        List<String> orderable() {
            return registry.current().assortment().stream().map(Article::articleNumber).toList();
        }

        @Override
        public void close() {
            camel.stop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoHubsReadingOneInboxApplyEachCatalogueOnceAndBothPutItInForce(TestDatabase db) throws Exception {
        Path data = HubTest.newDataDir();
        Path fileDrop = data.resolve("filedrop");
        Files.createDirectories(fileDrop.resolve("inbox"));
        Files.createDirectories(data.resolve("a"));
        Files.createDirectories(data.resolve("b"));
        List<String> added = IntStream.rangeClosed(1, CATALOGUES).mapToObj(n -> "HMN-9100" + n).toList();

        try (Hub a = new Hub(db, data.resolve("a"), fileDrop); Hub b = new Hub(db, data.resolve("b"), fileDrop)) {
            a.start();
            b.start();
            for (int n = 0; n < CATALOGUES; n++) {
                drop(fileDrop, "catalogue-" + n + ".xml", Catalogues.catalogue("CAT-TWO-HUBS-" + n, "Update",
                        Catalogues.line("1", "Add", added.get(n), "Ny artikel (fiktiv)", true, null,
                                "ProductArea=KOGNITION", "MedicalDevice=false")));
            }

            await().atMost(Duration.ofSeconds(120)).until(() -> names(fileDrop.resolve("processed")).size()
                    + names(fileDrop.resolve("error")).size() >= CATALOGUES);
            // What each hub's schedule does: the other hub's versions come into force on it too.
            a.inForce.refresh();
            b.inForce.refresh();

            assertThat(names(fileDrop.resolve("error"))).as("refused").isEmpty();
            assertThat(names(fileDrop.resolve("processed"))).hasSize(CATALOGUES);
            assertThat(a.taken() + b.taken()).as("catalogues taken by hub A (%d) and hub B (%d) together", a.taken(),
                    b.taken()).isEqualTo(CATALOGUES);
            var store = new AssortmentStore(new JdbcTemplate(db.dataSource()));
            assertThat(store.versions(100)).extracting(AssortmentStore.Version::fileName)
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, CATALOGUES)
                            .mapToObj(n -> "catalogue-" + n + ".xml").toList());
            assertThat(a.orderable()).containsAll(added).contains("HMN-10001");
            assertThat(b.orderable()).containsAll(added).contains("HMN-10001");
        }
    }

    /** As the supplier does: written under a temporary name, renamed when complete. */
    private static void drop(Path fileDrop, String name, String xml) throws IOException {
        Path part = fileDrop.resolve("inbox").resolve(name + ".part");
        Files.writeString(part, xml, StandardCharsets.UTF_8);
        Files.move(part, fileDrop.resolve("inbox").resolve(name));
    }

    private static List<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return new ArrayList<>(files.map(f -> f.getFileName().toString()).filter(n -> !n.endsWith(".part"))
                    .toList());
        }
    }
}
