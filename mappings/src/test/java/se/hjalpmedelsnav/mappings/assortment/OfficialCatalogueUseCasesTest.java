package se.hjalpmedelsnav.mappings.assortment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.hjalpmedelsnav.mappings.peppol.CatalogueReader;
import se.hjalpmedelsnav.mappings.peppol.PeppolRules;
import se.hjalpmedelsnav.mappings.registry.Article;
import se.hjalpmedelsnav.mappings.registry.Classification;

/**
 * OpenPeppol's catalogue without response use cases 1-5 (fixtures written from them: peppol/catalogue/use-case-N.xml)
 * read and applied in order, as a supplier would send them. Their items carry no ProductArea or MedicalDevice
 * property, only a UNSPSC commodity classification (listID MP): the registry's mapping places them.
 */
class OfficialCatalogueUseCasesTest {

    static final Set<String> AREAS = Set.of("KOGNITION", "OMGIVNINGSKONTROLL");
    /**
     * A mapping a registry could keep for these UNSPSC codes: 4412 (pens) one area, its 441219 (ink) another, and the
     * segments 1, 2, 5 and 8 (paper, furniture, food and care, services) a third.
     */
    static final List<Classification> MAPPING = List.of(
            new Classification("MP", "4412", "KOGNITION", false),
            new Classification("MP", "441219", "OMGIVNINGSKONTROLL", true),
            new Classification("MP", "1", "OMGIVNINGSKONTROLL", false),
            new Classification("MP", "2", "OMGIVNINGSKONTROLL", false),
            new Classification("MP", "5", "OMGIVNINGSKONTROLL", false),
            new Classification("MP", "8", "OMGIVNINGSKONTROLL", false));
    /** Inside the use cases' catalogue validity (2019-09-01 to 2020-12-31). */
    static final LocalDate IN_2020 = LocalDate.of(2020, 6, 1);

    private final CatalogueReader reader = new CatalogueReader();

    static String useCase(int n) {
        try (InputStream in = OfficialCatalogueUseCasesTest.class.getResourceAsStream(
                "/peppol/catalogue/use-case-" + n + ".xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Catalogue read(String xml) {
        return reader.read(reader.parse(xml.getBytes(StandardCharsets.UTF_8)));
    }

    AssortmentChanges.Outcome apply(Map<String, AssortmentArticle> current, int useCase) {
        return AssortmentChanges.apply(current, read(useCase(useCase)), AREAS, MAPPING);
    }

    @ParameterizedTest(name = "use case {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void eachUseCasePassesThePeppolCatalogueRules(int useCase) {
        assertThat(PeppolRules.findings(useCase(useCase), PeppolRules.CATALOGUE)).isEmpty();
    }

    @Test
    void useCase1AddsANewCatalogueWhoseArticlesTheMappingPlacesAndItsValidityBounds() {
        AssortmentChanges.Outcome outcome = apply(Map.of(), 1);

        assertThat(outcome.refusals()).isEmpty();
        assertThat(outcome.added()).hasSize(7).contains("2451015", "2451037", "1038195");
        Article pen = outcome.assortment().get("2451015").article();
        assertThat(pen.productArea()).isEqualTo("KOGNITION");
        assertThat(pen.medicalDevice()).isFalse();
        // The longest prefix wins: an ink cartridge (4412 19..) is in the narrower entry's area.
        assertThat(outcome.assortment().get("1038195").article().productArea()).isEqualTo("OMGIVNINGSKONTROLL");
        assertThat(outcome.assortment().get("1038195").article().medicalDevice()).isTrue();
        // No line has a validity of its own: the catalogue's holds.
        assertThat(outcome.assortment().get("2451015").orderableOn(IN_2020)).isTrue();
        assertThat(outcome.assortment().get("2451015").orderableOn(LocalDate.of(2021, 1, 1))).isFalse();
    }

    @Test
    void useCase2IsRefusedWholeForItsDeleteLineWithoutTheSellersItemIdAndAppliesWithIt() {
        Map<String, AssortmentArticle> afterUseCase1 = apply(Map.of(), 1).assortment();

        AssortmentChanges.Outcome asPublished = apply(afterUseCase1, 2);

        // The hub matches lines on the seller's item id only (the supplier's contract): the GTIN-only line is refused.
        assertThat(asPublished.applied()).isFalse();
        assertThat(asPublished.refusals()).extracting(AssortmentChanges.Refusal::code, AssortmentChanges.Refusal::lineId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AssortmentChanges.ARTICLE_NUMBER_MISSING, "3"));
        assertThat(asPublished.assortment()).isEqualTo(afterUseCase1);

        String withSellersId = useCase(2).replace("<cbc:Name>Ballpoint pen. Red 0.7 mm</cbc:Name>",
                "<cbc:Name>Ballpoint pen. Red 0.7 mm</cbc:Name><cac:SellersItemIdentification><cbc:ID>2451037"
                        + "</cbc:ID></cac:SellersItemIdentification>");
        assertThat(PeppolRules.findings(withSellersId, PeppolRules.CATALOGUE)).isEmpty();
        AssortmentChanges.Outcome outcome = AssortmentChanges.apply(afterUseCase1, read(withSellersId), AREAS, MAPPING);

        assertThat(outcome.refusals()).isEmpty();
        assertThat(outcome.added()).containsExactly("2451027");
        assertThat(outcome.withdrawn()).containsExactly("2451037");
        assertThat(outcome.assortment()).hasSize(7).containsKey("2451015");
    }

    /** After use case 1, with the one article of use case 3 that has no classification known already. */
    Map<String, AssortmentArticle> beforeUseCase3() {
        Map<String, AssortmentArticle> current = new LinkedHashMap<>(apply(Map.of(), 1).assortment());
        current.put("D345gold", new AssortmentArticle(new Article("D345gold", "Känd", "KOGNITION", null, false, null),
                true, null, null));
        return current;
    }

    @Test
    void useCase3ReplacesTheWholeCatalogue() {
        Map<String, AssortmentArticle> before = beforeUseCase3();

        AssortmentChanges.Outcome outcome = apply(before, 3);

        assertThat(outcome.refusals()).isEmpty();
        assertThat(outcome.assortment()).hasSize(12).containsKeys("2451015", "2451037", "2451027", "D345gold");
        assertThat(outcome.added()).containsExactlyInAnyOrder("2451027", "1111", "111", "11");
        assertThat(outcome.withdrawn()).isEmpty();
    }

    @Test
    void useCase4DeletesTheWholeCatalogue() {
        Map<String, AssortmentArticle> afterUseCase3 = apply(beforeUseCase3(), 3).assortment();

        AssortmentChanges.Outcome outcome = apply(afterUseCase3, 4);

        assertThat(outcome.refusals()).isEmpty();
        assertThat(outcome.assortment()).isEmpty();
        assertThat(outcome.withdrawn()).containsExactlyInAnyOrderElementsOf(afterUseCase3.keySet());
    }

    @Test
    void useCase5TakesEachLinesOwnValidityAndRefusesArticlesNothingPlaces() {
        // Lines 3 and 4 carry neither a ProductArea property nor a classification: new, they cannot be placed.
        AssortmentChanges.Outcome fresh = apply(Map.of(), 5);
        assertThat(fresh.refusals()).extracting(AssortmentChanges.Refusal::code).containsOnly(
                AssortmentChanges.PRODUCT_AREA_MISSING, AssortmentChanges.MEDICAL_DEVICE_MISSING);
        assertThat(fresh.refusals()).extracting(AssortmentChanges.Refusal::lineId).containsOnly("3", "4");

        // Known already, they keep their product area and flag.
        Map<String, AssortmentArticle> known = new LinkedHashMap<>();
        for (String number : List.of("4321", "1234")) {
            known.put(number, new AssortmentArticle(new Article(number, "Känd", "KOGNITION", null, false, null), true,
                    null, null));
        }
        AssortmentChanges.Outcome outcome = apply(known, 5);

        assertThat(outcome.refusals()).isEmpty();
        assertThat(outcome.assortment()).containsOnlyKeys("MNTR011", "MNTR012", "4321", "1234");
        AssortmentArticle paper = outcome.assortment().get("MNTR011");
        assertThat(paper.article().productArea()).isEqualTo("OMGIVNINGSKONTROLL");
        assertThat(paper.validFrom()).isEqualTo(LocalDate.of(2018, 9, 26));
        assertThat(paper.orderableOn(LocalDate.of(2018, 9, 25))).isFalse();
        assertThat(paper.orderableOn(LocalDate.of(2018, 9, 26))).isTrue();
        assertThat(paper.orderableOn(LocalDate.of(2019, 9, 1))).isFalse();
        // Line 2 has no validity of its own: the catalogue's (2018-09-01 to 2019-08-31).
        assertThat(outcome.assortment().get("MNTR012").validFrom()).isEqualTo(LocalDate.of(2018, 9, 1));
    }
}
