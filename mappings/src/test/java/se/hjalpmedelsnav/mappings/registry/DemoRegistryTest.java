package se.hjalpmedelsnav.mappings.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo registry shipped in config/registry.yaml loads and has the shape the demo relies on. */
class DemoRegistryTest {

    private static final Path DEMO_FILE = Path.of("../config/registry.yaml");
    /** A fixed day, so the test does not depend on when it runs: after Mölndal's agreement ended. */
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    private static Registry registry;

    @BeforeAll
    static void load() throws InvalidRegistryException {
        registry = new RegistryLoader().load(DEMO_FILE);
    }

    @Test
    void saysItIsFictionalDemoData() throws Exception {
        String header = Files.readString(DEMO_FILE).lines()
                .takeWhile(line -> line.startsWith("#"))
                .collect(Collectors.joining("\n"));

        assertThat(header).contains("FICTIONAL DEMO DATA").contains("without a restart");
    }

    @Test
    void listsAllMunicipalitiesOfTheCountyWithTheirPublicNames() {
        CountyMunicipalities county = CountyMunicipalities.load();

        assertThat(registry.municipalities()).hasSize(49);
        assertThat(registry.municipalities()).extracting(Municipality::code)
                .containsExactlyInAnyOrderElementsOf(county.codes());
        assertThat(registry.municipalities())
                .allSatisfy(m -> assertThat(m.name()).isEqualTo(county.name(m.code())));
    }

    @Test
    void karlsborgAndGullspangAreTheOnlyMunicipalitiesOutsideTheAgreement() {
        assertThat(registry.municipalities()).filteredOn(m -> !m.agreementParty())
                .extracting(Municipality::code).containsExactlyInAnyOrder("1446", "1447");
    }

    @Test
    void everyPartyHasCustomerNumbersWithPayerNumbersAndABufferStoreForItsFirstUnit() {
        assertThat(registry.municipalities()).filteredOn(Municipality::agreementParty).allSatisfy(m -> {
            assertThat(m.customerNumbers()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(m.customerNumbers()).allSatisfy(c -> assertThat(c.payerNumbers()).hasSizeBetween(1, 2));
            assertThat(m.customerNumbers().get(0).bufferStore()).isNotNull();
        });
        assertThat(registry.municipality("1480").orElseThrow().customerNumbers()).hasSizeGreaterThan(2);
    }

    @Test
    void goteborgHasAnOpenEndedPrivateContractorAgreementOnOneOfItsCustomerNumbers() {
        PrivateContractorAgreement agreement = agreementWith("1480");

        assertThat(agreement.validFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(agreement.validTo()).isNull();
        assertThat(agreement.customerNumbers()).singleElement()
                .satisfies(number -> assertThat(registry.customerNumber("1480", number)).isPresent());
    }

    @Test
    void molndalsPrivateContractorAgreementHasExpired() {
        PrivateContractorAgreement agreement = agreementWith("1481");

        assertThat(agreement.validTo()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(agreement.isValidOn(LocalDate.of(2025, 12, 31))).isTrue();
        assertThat(agreement.isValidOn(DAY)).isFalse();
    }

    @Test
    void borasHasAPrivateContractorAgreementInForce() {
        assertThat(agreementWith("1490").isValidOn(DAY)).isTrue();
    }

    @Test
    void privateContractorsAreMarkedFictional() {
        assertThat(registry.privateContractors()).hasSize(3)
                .allSatisfy(c -> assertThat(c.name()).endsWith("(fiktiv)"));
    }

    @Test
    void everyArticleIsInAProductAreaThatSomeoneMayOrderFrom() {
        assertThat(registry.assortment()).hasSizeBetween(12, 20).allSatisfy(article -> {
            assertThat(registry.productArea(article.productArea())).isPresent();
            assertThat(article.manufacturer()).endsWith("(fiktiv)");
        });
        assertThat(registry.productAreas()).allSatisfy(area -> assertThat(area.orderingRoles()).isNotEmpty());
        assertThat(registry.assortment()).extracting(Article::medicalDevice).contains(true, false);
        Set<String> areasWithArticles = registry.assortment().stream()
                .map(Article::productArea).collect(Collectors.toSet());
        assertThat(registry.productAreas()).extracting(ProductArea::code)
                .containsExactlyInAnyOrderElementsOf(areasWithArticles);
    }

    private static PrivateContractorAgreement agreementWith(String kommun) {
        List<PrivateContractorAgreement> agreements = registry.privateContractors().stream()
                .flatMap(c -> c.agreements().stream())
                .filter(a -> a.kommun().equals(kommun))
                .toList();
        assertThat(agreements).as("agreements with %s", kommun).hasSize(1);
        return agreements.get(0);
    }
}
