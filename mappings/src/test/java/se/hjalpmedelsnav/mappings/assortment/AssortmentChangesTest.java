package se.hjalpmedelsnav.mappings.assortment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.hjalpmedelsnav.mappings.assortment.Catalogue.HeaderAction;
import se.hjalpmedelsnav.mappings.assortment.Catalogue.LineAction;
import se.hjalpmedelsnav.mappings.registry.Article;

class AssortmentChangesTest {

    static final Set<String> AREAS = Set.of("KOGNITION", "KOMMUNIKATION");
    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    static final AssortmentArticle PLANNER = new AssortmentArticle(
            new Article("HMN-10001", "Planerare", "KOGNITION", "22 27 15", true, "Nordtid (fiktiv)"), true, null, null);
    static final AssortmentArticle APP = new AssortmentArticle(
            new Article("HMN-20001", "Samtalsapp", "KOMMUNIKATION", null, false, null), true, null, null);
    static final Map<String, AssortmentArticle> CURRENT = Map.of(PLANNER.article().articleNumber(), PLANNER,
            APP.article().articleNumber(), APP);

    static Catalogue.Line line(String id, LineAction action, String article, Boolean orderable, String area,
            Boolean medical) {
        return new Catalogue.Line(id, action, article, "Namn " + article, orderable, area, null, medical, null, null,
                null);
    }

    static Catalogue catalogue(HeaderAction action, Catalogue.Line... lines) {
        return new Catalogue("CAT-1", action, DAY, List.of(lines));
    }

    @Test
    void addMakesTheAssortmentExactlyItsLines() {
        AssortmentChanges.Outcome outcome = AssortmentChanges.apply(Map.of(), catalogue(HeaderAction.ADD,
                line("1", LineAction.ADD, "HMN-10001", true, "KOGNITION", true)), AREAS);

        assertThat(outcome.applied()).isTrue();
        assertThat(outcome.added()).containsExactly("HMN-10001");
        assertThat(outcome.assortment().get("HMN-10001").article().medicalDevice()).isTrue();
        assertThat(outcome.assortment().get("HMN-10001").orderableOn(DAY)).isTrue();
    }

    @Test
    void replaceWithdrawsWhatItLeavesOutAndKeepsWhatALineDoesNotSay() {
        AssortmentChanges.Outcome outcome = AssortmentChanges.apply(CURRENT, catalogue(HeaderAction.REPLACE,
                line("1", null, "HMN-10001", true, null, null)), AREAS);

        assertThat(outcome.applied()).isTrue();
        assertThat(outcome.withdrawn()).containsExactly("HMN-20001");
        assertThat(outcome.assortment()).containsOnlyKeys("HMN-10001");
        // Product area and medical-device flag kept from the article in force; the name is the line's.
        Article kept = outcome.assortment().get("HMN-10001").article();
        assertThat(kept.productArea()).isEqualTo("KOGNITION");
        assertThat(kept.medicalDevice()).isTrue();
        assertThat(outcome.updated()).containsExactly("HMN-10001");
    }

    @Test
    void updateAddsUpdatesAndDeletesLineByLineAndLeavesTheRest() {
        Map<String, AssortmentArticle> three = new java.util.HashMap<>(CURRENT);
        AssortmentArticle third = new AssortmentArticle(
                new Article("HMN-30001", "Larm", "KOGNITION", null, false, null), true, null, null);
        three.put("HMN-30001", third);

        AssortmentChanges.Outcome outcome = AssortmentChanges.apply(three, catalogue(HeaderAction.UPDATE,
                line("1", LineAction.ADD, "HMN-40001", true, "KOMMUNIKATION", false),
                line("2", LineAction.UPDATE, "HMN-10001", false, null, null),
                line("3", LineAction.DELETE, "HMN-20001", null, null, null)), AREAS);

        assertThat(outcome.applied()).isTrue();
        assertThat(outcome.added()).containsExactly("HMN-40001");
        assertThat(outcome.updated()).containsExactly("HMN-10001");
        assertThat(outcome.withdrawn()).containsExactly("HMN-20001");
        assertThat(outcome.assortment()).containsOnlyKeys("HMN-10001", "HMN-30001", "HMN-40001");
        assertThat(outcome.assortment().get("HMN-30001")).isEqualTo(third);
        // OrderableIndicator false: in the assortment, not orderable.
        assertThat(outcome.assortment().get("HMN-10001").orderableOn(DAY)).isFalse();
    }

    @Test
    void deleteWithdrawsTheWholeCatalogue() {
        AssortmentChanges.Outcome outcome = AssortmentChanges.apply(CURRENT, catalogue(HeaderAction.DELETE,
                line("1", LineAction.DELETE, "HMN-10001", null, null, null)), AREAS);

        assertThat(outcome.applied()).isTrue();
        assertThat(outcome.assortment()).isEmpty();
        assertThat(outcome.withdrawn()).containsExactlyInAnyOrder("HMN-10001", "HMN-20001");
    }

    @Test
    void aLineOutsideItsValidityIsNotOrderableThatDay() {
        Catalogue.Line later = new Catalogue.Line("1", LineAction.ADD, "HMN-50001", "Ny", true, "KOGNITION", null,
                false, null, DAY.plusDays(1), null);
        Catalogue.Line ended = new Catalogue.Line("2", LineAction.ADD, "HMN-50002", "Gammal", true, "KOGNITION", null,
                false, null, null, DAY.minusDays(1));
        Catalogue.Line current = new Catalogue.Line("3", LineAction.ADD, "HMN-50003", "Nu", true, "KOGNITION", null,
                false, null, DAY, DAY);

        AssortmentChanges.Outcome outcome = AssortmentChanges.apply(Map.of(),
                catalogue(HeaderAction.ADD, later, ended, current), AREAS);

        assertThat(outcome.assortment().get("HMN-50001").orderableOn(DAY)).isFalse();
        assertThat(outcome.assortment().get("HMN-50001").orderableOn(DAY.plusDays(1))).isTrue();
        assertThat(outcome.assortment().get("HMN-50002").orderableOn(DAY)).isFalse();
        assertThat(outcome.assortment().get("HMN-50003").orderableOn(DAY)).isTrue();
    }

    static Stream<Arguments> refusedCatalogues() {
        return Stream.of(
                Arguments.of("a Delete line in a replacing catalogue", catalogue(HeaderAction.REPLACE,
                        line("1", LineAction.DELETE, "HMN-10001", null, null, null)),
                        AssortmentChanges.LINE_ACTION_NOT_ALLOWED),
                Arguments.of("Add of an article in force", catalogue(HeaderAction.UPDATE,
                        line("1", LineAction.ADD, "HMN-10001", true, "KOGNITION", true)),
                        AssortmentChanges.ARTICLE_ALREADY_IN_ASSORTMENT),
                Arguments.of("Update of an unknown article", catalogue(HeaderAction.UPDATE,
                        line("1", LineAction.UPDATE, "HMN-99999", true, "KOGNITION", true)),
                        AssortmentChanges.ARTICLE_NOT_IN_ASSORTMENT),
                Arguments.of("Delete of an unknown article", catalogue(HeaderAction.UPDATE,
                        line("1", LineAction.DELETE, "HMN-99999", null, null, null)),
                        AssortmentChanges.ARTICLE_NOT_IN_ASSORTMENT),
                Arguments.of("a new article without product area", catalogue(HeaderAction.UPDATE,
                        line("1", LineAction.ADD, "HMN-99999", true, null, true)),
                        AssortmentChanges.PRODUCT_AREA_MISSING),
                Arguments.of("a product area the registry does not know", catalogue(HeaderAction.UPDATE,
                        line("1", LineAction.ADD, "HMN-99999", true, "SYN", true)),
                        AssortmentChanges.PRODUCT_AREA_UNKNOWN),
                Arguments.of("a new article without medical-device flag", catalogue(HeaderAction.UPDATE,
                        line("1", LineAction.ADD, "HMN-99999", true, "KOGNITION", null)),
                        AssortmentChanges.MEDICAL_DEVICE_MISSING),
                Arguments.of("the same article twice", catalogue(HeaderAction.REPLACE,
                        line("1", null, "HMN-10001", true, null, null), line("2", null, "HMN-10001", true, null, null)),
                        AssortmentChanges.DUPLICATE_ARTICLE),
                Arguments.of("a line without item id", catalogue(HeaderAction.REPLACE,
                        line("1", null, null, true, "KOGNITION", true)), AssortmentChanges.ARTICLE_NUMBER_MISSING));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCatalogues")
    void refusesACatalogueWholeAndLeavesTheAssortmentAsItWas(String description, Catalogue catalogue, String code) {
        // A good line first: it must not be applied either.
        Catalogue withGoodLine = new Catalogue(catalogue.catalogueId(), catalogue.action(), DAY, Stream.concat(
                Stream.of(line("0", catalogue.action() == HeaderAction.UPDATE ? LineAction.UPDATE : null, "HMN-20001",
                        false, null, null)), catalogue.lines().stream()).toList());

        AssortmentChanges.Outcome outcome = AssortmentChanges.apply(CURRENT, withGoodLine, AREAS);

        assertThat(outcome.applied()).isFalse();
        assertThat(outcome.refusals()).extracting(AssortmentChanges.Refusal::code).contains(code);
        assertThat(outcome.assortment()).isEqualTo(CURRENT);
        assertThat(outcome.added()).isEmpty();
        assertThat(outcome.withdrawn()).isEmpty();
        assertThat(outcome.refusals()).allSatisfy(refusal -> assertThat(refusal.message())
                .doesNotContain("HMN-").doesNotContain("SYN"));
    }
}
