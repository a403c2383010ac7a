package se.hjalpmedelsnav.mappings.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryLoaderTest {

    private final RegistryLoader loader = new RegistryLoader();

    @Test
    void loadsEveryPartOfAValidFile() throws Exception {
        Registry registry = loader.load(fixture("minimal.yaml"));

        assertThat(registry.municipalities()).extracting(Municipality::code).containsExactly("1480", "1481", "1447");
        assertThat(registry.municipality("1447")).get().extracting(Municipality::agreementParty).isEqualTo(false);
        CustomerNumber hemtjanst = registry.customerNumber("1480", "KN-1480-001").orElseThrow();
        assertThat(hemtjanst.unit()).isEqualTo("Hemtjänst");
        assertThat(hemtjanst.isLinkedTo("BN-1480-01")).isTrue();
        assertThat(hemtjanst.bufferStore().city()).isEqualTo("Göteborg");
        PrivateContractorAgreement agreement =
                registry.privateContractor("5599000014").orElseThrow().agreements().get(0);
        assertThat(agreement.covers("1480", "KN-1480-001")).isTrue();
        assertThat(agreement.validFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(agreement.validTo()).isNull();
        assertThat(registry.productArea("LARM").orElseThrow().allowsRole("ARBETSTERAPEUT")).isTrue();
        assertThat(registry.article("HMN-30001").orElseThrow().medicalDevice()).isTrue();
        // The longest prefix of the scheme that covers the code, spaces not counted.
        assertThat(registry.classification("ISO9999", "22 27 18")).get().extracting(Classification::productArea)
                .isEqualTo("LARM");
        assertThat(registry.classification("ISO9999", "222718")).isPresent();
        assertThat(registry.classification("ISO9999", "22 27 15")).isEmpty();
        assertThat(registry.classification("MP", "44121701")).get().extracting(Classification::medicalDevice)
                .isEqualTo(false);
    }

    @Test
    void aBufferStoreRefillsAutomaticallyUnlessTheFileTurnsItOff() throws Exception {
        String minimal = java.nio.file.Files.readString(fixture("minimal.yaml"));
        String withRefillOff = minimal.replaceFirst("(?m)^(\\s+)city: Göteborg$", "$1city: Göteborg\n$1autoRefill: false");

        assertThat(loader.load(minimal, "minimal.yaml").customerNumber("1480", "KN-1480-001").orElseThrow()
                .bufferStore().refillsAutomatically()).isTrue();
        assertThat(withRefillOff).contains("autoRefill: false");
        assertThat(loader.load(withRefillOff, "refill-off.yaml").customerNumber("1480", "KN-1480-001").orElseThrow()
                .bufferStore().refillsAutomatically()).isFalse();
    }

    @Test
    void aProductAreasFollowUpIntervalAppliesToItsArticlesAndTwelveMonthsWhenTheFileGivesNone() throws Exception {
        String minimal = java.nio.file.Files.readString(fixture("minimal.yaml"));
        String sixMonths = minimal.replaceFirst("(?m)^(\\s+)orderingRoles: \\[BISTANDSHANDLAGGARE, ARBETSTERAPEUT\\]$",
                "$0\n$1followUpMonths: 6");
        String thirteenMonths = sixMonths.replace("followUpMonths: 6", "followUpMonths: 13");

        assertThat(sixMonths).contains("followUpMonths: 6");
        assertThat(loader.load(minimal, "minimal.yaml").followUpMonths("HMN-30001")).isEqualTo(12);
        assertThat(loader.load(sixMonths, "six.yaml").followUpMonths("HMN-30001")).isEqualTo(6);
        assertThat(loader.load(sixMonths, "six.yaml").followUpMonths("HMN-NOT-IN-ASSORTMENT")).isEqualTo(12);
        InvalidRegistryException e = catchThrowableOfType(InvalidRegistryException.class,
                () -> loader.load(thirteenMonths, "thirteen.yaml"));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("productAreas[0].followUpMonths", "at least once a year");
    }

    @ParameterizedTest(name = "{0}: line {1}")
    @CsvSource(delimiter = '|', textBlock = """
            syntax-error.yaml                  | 15 | YAML syntax error: mapping values are not allowed here
            unknown-key.yaml                   |  9 | unknown key 'payerNumber'
            wrong-type.yaml                    | 16 | municipalities[1].agreementParty: expected true or false
            wrong-date.yaml                    | 30 | privateContractors[0].agreements[0].validFrom: expected a date
            unknown-municipality.yaml          | 14 | municipalities[1].code: not an SCB municipality code
            duplicate-customer-number.yaml     | 18 | duplicate customer number (first used on line 7)
            foreign-customer-number.yaml       | 31 | customerNumbers[0]: not a customer number of municipality 1480
            invalid-org-number.yaml            | 25 | privateContractors[0].orgNumber: not a valid organisationsnummer
            unknown-product-area.yaml          | 39 | assortment[0].productArea: no product area with this code
            invalid-iso9999.yaml               | 40 | assortment[0].iso9999: not an ISO 9999 code
            no-payer-number.yaml               | 20 | customerNumbers[0].payerNumbers: at least one payer number
            agreement-ends-before-start.yaml   | 31 | agreements[0].validTo: before validFrom
            party-without-customer-number.yaml | 21 | municipalities[2].customerNumbers: an agreement party needs
            unknown-classification-area.yaml   | 50 | classifications[1].productArea: no product area with this code
            invalid-classification-iso9999.yaml| 45 | classifications[0].codePrefix: not an ISO 9999 code
            classification-without-flag.yaml   | 44 | classifications[0].medicalDevice: missing
            """)
    void rejectsBrokenFileNamingFileAndLineOfTheProblem(String file, int line, String description) throws Exception {
        InvalidRegistryException e = catchThrowableOfType(InvalidRegistryException.class,
                () -> loader.load(fixture(file)));

        assertThat(e).as("%s must be refused", file).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.toString()).contains(description);
        });
        assertThat(e.getMessage()).contains(file).contains("line " + line + ",").contains(description);
    }

    @Test
    void reportsEveryBrokenRuleNotOnlyTheFirst() throws Exception {
        InvalidRegistryException e = catchThrowableOfType(InvalidRegistryException.class,
                () -> loader.load(fixture("several-problems.yaml")));

        assertThat(e.problems()).extracting(InvalidRegistryException.Problem::line).containsExactly(14, 25, 39);
        assertThat(e.getMessage()).contains("3 problems", "line 14", "line 25", "line 39");
    }

    @Test
    void messageNamesTheFieldWithoutQuotingItsValue() throws Exception {
        InvalidRegistryException e = catchThrowableOfType(InvalidRegistryException.class,
                () -> loader.load(fixture("invalid-org-number.yaml")));

        assertThat(e.getMessage()).contains("orgNumber").doesNotContain("5599000015");
    }

    @Test
    void keepsOrganisationNumbersAsTheirTenDigits() throws Exception {
        String withHyphen = yaml("minimal.yaml").replace("\"5599000014\"", "\"559900-0014\"");

        Registry registry = loader.load(withHyphen, "with-hyphen.yaml");

        assertThat(registry.privateContractor("5599000014")).isPresent();
    }

    @Test
    void rejectsTheSameOrganisationNumberWrittenTwoWays() throws Exception {
        String twice = yaml("minimal.yaml").replace("productAreas:", """
                  - orgNumber: "559900-0014"
                    name: Samma bolag igen (fiktiv)
                productAreas:""");

        InvalidRegistryException e = catchThrowableOfType(InvalidRegistryException.class,
                () -> loader.load(twice, "twice.yaml"));

        assertThat(e.problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).contains("line 32", "duplicate organisationsnummer"));
    }

    @Test
    void rejectsMunicipalityWithoutAgreementPartyInsteadOfTakingItAsFalse() throws Exception {
        String withoutFlag = yaml("minimal.yaml").replace("    agreementParty: false\n", "");

        InvalidRegistryException e = catchThrowableOfType(InvalidRegistryException.class,
                () -> loader.load(withoutFlag, "without-flag.yaml"));

        assertThat(e.problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).contains("line 21", "municipalities[2].agreementParty: missing"));
    }

    @Test
    void rejectsAnEmptyListEntryWithItsLine() throws Exception {
        String emptyPayer = yaml("minimal.yaml").replace("[BN-1481-01]", "[BN-1481-01, ~]");

        InvalidRegistryException e = catchThrowableOfType(InvalidRegistryException.class,
                () -> loader.load(emptyPayer, "empty-payer.yaml"));

        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.line()).isBetween(18, 20));
    }

    @Test
    void rejectsDuplicateKeys() throws Exception {
        String twice = yaml("minimal.yaml").replace("    name: Mölndal\n", "    name: Mölndal\n    name: Mölndal\n");

        InvalidRegistryException e = catchThrowableOfType(InvalidRegistryException.class,
                () -> loader.load(twice, "duplicate-key.yaml"));

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(16);
            assertThat(p.toString()).contains("name");
        });
    }

    @Test
    void rejectsAnEmptyFile() {
        InvalidRegistryException e = catchThrowableOfType(InvalidRegistryException.class,
                () -> loader.load("# nothing yet\n", "empty.yaml"));

        assertThat(e.getMessage()).contains("empty.yaml", "empty");
    }

    @Test
    void rejectsAMissingFileNamingIt() {
        Path missing = Path.of("no-such-registry.yaml");

        InvalidRegistryException e = catchThrowableOfType(InvalidRegistryException.class,
                () -> loader.load(missing));

        assertThat(e.getMessage()).contains("no-such-registry.yaml", "cannot read");
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(RegistryLoaderTest.class.getResource("/registry/" + name).toURI());
    }

    static String yaml(String name) throws Exception {
        return java.nio.file.Files.readString(fixture(name));
    }
}
