package se.hjalpmedelsnav.hub.assortment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import se.hjalpmedelsnav.hub.tracking.TestDatabases;
import se.hjalpmedelsnav.hub.tracking.TestDatabases.TestDatabase;
import se.hjalpmedelsnav.mappings.assortment.AssortmentArticle;
import se.hjalpmedelsnav.mappings.assortment.Catalogue;
import se.hjalpmedelsnav.mappings.assortment.Catalogue.HeaderAction;
import se.hjalpmedelsnav.mappings.assortment.Catalogue.LineAction;
import se.hjalpmedelsnav.mappings.peppol.CatalogueRefused;
import se.hjalpmedelsnav.mappings.registry.Article;

/** The assortment and its history on every database the hub runs on (H2 always, PostgreSQL when named). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssortmentStoreTest {

    static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.UTC);
    static final Set<String> AREAS = Set.of("KOGNITION");
    static final Map<String, AssortmentArticle> SEED = Map.of("HMN-10001", new AssortmentArticle(
            new Article("HMN-10001", "Planerare", "KOGNITION", "22 27 15", true, "Nordtid (fiktiv)"), true, null, null));

    private final List<TestDatabase> databases = TestDatabases.all();

    List<TestDatabase> databases() {
        return databases;
    }

    @AfterAll
    void dropSchemas() {
        databases.forEach(db -> db.drop().run());
    }

    static Catalogue addingWithValidity(String catalogueId) {
        return new Catalogue(catalogueId, HeaderAction.UPDATE, AT.toLocalDate(), List.of(new Catalogue.Line("1",
                LineAction.ADD, "HMN-90001", "Ny", true, "KOGNITION", null, false, null, LocalDate.of(2026, 12, 1),
                null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void appliesACatalogueOnTheSeedAsAVersionWithItsChangesAndTheFileOnce(TestDatabase db) {
        AssortmentStore store = new AssortmentStore(new JdbcTemplate(db.dataSource()));
        assertThat(store.latestVersion()).isEmpty();

        AssortmentStore.Version applied = store.apply(addingWithValidity("CAT-1"), "catalogue-1.xml", "digest-1", SEED,
                AREAS, AT).orElseThrow();

        assertThat(applied.version()).isEqualTo(1);
        assertThat(applied.added()).isEqualTo(1);
        assertThat(store.latestVersion()).contains(1L);
        assertThat(store.articles()).containsOnlyKeys("HMN-10001", "HMN-90001");
        assertThat(store.articles().get("HMN-90001").validFrom()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(store.articles().get("HMN-10001").article().medicalDevice()).isTrue();
        assertThat(store.changes(1)).isEqualTo(Map.of("ADDED", List.of("HMN-90001")));
        assertThat(store.versions(10)).extracting(AssortmentStore.Version::fileName).containsExactly("catalogue-1.xml");
        // The same file again (another hub, or read again): nothing.
        assertThat(store.apply(addingWithValidity("CAT-1"), "again.xml", "digest-1", SEED, AREAS, AT)).isEmpty();
        assertThat(store.latestVersion()).contains(1L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoHubsApplyingTwoCataloguesAtOnceTakeTurns(TestDatabase db) throws Exception {
        // Two stores on one database, as two hubs; each adds its own article on top of the other's.
        AssortmentStore first = new AssortmentStore(new JdbcTemplate(db.dataSource()));
        AssortmentStore second = new AssortmentStore(new JdbcTemplate(db.dataSource()));
        new JdbcTemplate(db.dataSource()).update("delete from assortment_change");
        new JdbcTemplate(db.dataSource()).update("delete from assortment_article");
        new JdbcTemplate(db.dataSource()).update("delete from assortment_version");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> first.apply(adding("CAT-A", "HMN-80001"), "a.xml", "digest-a", SEED, AREAS, AT));
            var b = pool.submit(() -> second.apply(adding("CAT-B", "HMN-80002"), "b.xml", "digest-b", SEED, AREAS, AT));
            assertThat(List.of(a.get().orElseThrow().version(), b.get().orElseThrow().version()))
                    .containsExactlyInAnyOrder(1L, 2L);
        } finally {
            pool.shutdownNow();
        }
        assertThat(first.articles()).containsOnlyKeys("HMN-10001", "HMN-80001", "HMN-80002");
    }

    static Catalogue adding(String catalogueId, String articleNumber) {
        return new Catalogue(catalogueId, HeaderAction.UPDATE, AT.toLocalDate(), List.of(new Catalogue.Line("1",
                LineAction.ADD, articleNumber, "Ny", true, "KOGNITION", null, false, null, null, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void refusesABrokenCatalogueAndWritesNothing(TestDatabase db) {
        AssortmentStore store = new AssortmentStore(new JdbcTemplate(db.dataSource()));
        Catalogue deleteUnknown = new Catalogue("CAT-2", HeaderAction.UPDATE, AT.toLocalDate(), List.of(
                new Catalogue.Line("1", LineAction.DELETE, "HMN-77777", null, null, null, null, null, null, null,
                        null)));

        assertThatThrownBy(() -> store.apply(deleteUnknown, "broken.xml", "digest-2", SEED, AREAS, AT))
                .isInstanceOfSatisfying(CatalogueRefused.class, refused -> assertThat(refused.code())
                        .isEqualTo("ARTICLE_NOT_IN_ASSORTMENT"));
        assertThat(store.versions(10)).noneMatch(v -> "broken.xml".equals(v.fileName()));
    }
}
