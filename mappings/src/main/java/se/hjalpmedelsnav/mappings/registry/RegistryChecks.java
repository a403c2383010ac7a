package se.hjalpmedelsnav.mappings.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import se.hjalpmedelsnav.mappings.identifier.OrganisationNumber;

/**
 * The rules a registry must satisfy before it is put in force. Collects every broken rule rather
 * than stopping at the first, each with the line of the offending entry. Messages name the field
 * and never quote its value.
 */
final class RegistryChecks {

    /** ISO 9999: class, subclass and division, two digits each, optionally space-separated. */
    private static final Pattern ISO_9999 = Pattern.compile("\\d{2}( ?\\d{2}){0,2}");

    private final CountyMunicipalities county;
    private final YamlPositions positions;
    private final List<InvalidRegistryException.Problem> problems = new ArrayList<>();

    private RegistryChecks(CountyMunicipalities county, YamlPositions positions) {
        this.county = county;
        this.positions = positions;
    }

    static List<InvalidRegistryException.Problem> check(RegistryDocument document, CountyMunicipalities county,
            YamlPositions positions) {
        RegistryChecks checks = new RegistryChecks(county, positions);
        checks.checkMunicipalities(document.municipalities());
        checks.checkPrivateContractors(document.privateContractors(), document.municipalities());
        checks.checkProductAreas(document.productAreas());
        checks.checkAssortment(document.assortment(), document.productAreas());
        checks.checkClassifications(document.classifications(), document.productAreas());
        return List.copyOf(checks.problems);
    }

    private void checkMunicipalities(List<Municipality> municipalities) {
        if (municipalities.isEmpty()) {
            report("municipalities", "at least one municipality is required");
        }
        Map<String, String> firstCode = new HashMap<>();
        Map<String, String> firstCustomerNumber = new HashMap<>();
        for (int i = 0; i < municipalities.size(); i++) {
            String at = "municipalities[" + i + "]";
            Municipality municipality = municipalities.get(i);
            if (municipality == null) {
                report(at, "empty entry");
                continue;
            }
            if (required(at, "code", municipality.code())) {
                if (!county.contains(municipality.code())) {
                    report(at + ".code", "not an SCB municipality code of Västra Götaland");
                }
                unique(firstCode, municipality.code(), at + ".code", "municipality code");
            }
            required(at, "name", municipality.name());
            if (municipality.agreementParty() && municipality.customerNumbers().isEmpty()) {
                report(at + ".customerNumbers", "an agreement party needs at least one customer number");
            }
            List<CustomerNumber> customerNumbers = municipality.customerNumbers();
            for (int c = 0; c < customerNumbers.size(); c++) {
                checkCustomerNumber(customerNumbers.get(c), at + ".customerNumbers[" + c + "]", firstCustomerNumber);
            }
        }
    }

    private void checkCustomerNumber(CustomerNumber customerNumber, String at, Map<String, String> firstUse) {
        if (required(at, "number", customerNumber.number())) {
            unique(firstUse, customerNumber.number(), at + ".number", "customer number");
        }
        required(at, "unit", customerNumber.unit());
        if (customerNumber.payerNumbers().isEmpty()) {
            report(at + ".payerNumbers", "at least one payer number is required");
        }
        for (int p = 0; p < customerNumber.payerNumbers().size(); p++) {
            if (customerNumber.payerNumbers().get(p).isBlank()) {
                report(at + ".payerNumbers[" + p + "]", "blank payer number");
            }
        }
    }

    private void checkPrivateContractors(List<PrivateContractor> contractors, List<Municipality> municipalities) {
        Map<String, Municipality> municipalityByCode = municipalities.stream()
                .filter(m -> m != null && m.code() != null)
                .collect(Collectors.toMap(Municipality::code, Function.identity(), (first, second) -> first));
        Map<String, String> firstOrgNumber = new HashMap<>();
        for (int i = 0; i < contractors.size(); i++) {
            String at = "privateContractors[" + i + "]";
            PrivateContractor contractor = contractors.get(i);
            if (contractor == null) {
                report(at, "empty entry");
                continue;
            }
            if (required(at, "orgNumber", contractor.orgNumber())) {
                if (!OrganisationNumber.isValid(contractor.orgNumber())) {
                    report(at + ".orgNumber", "not a valid organisationsnummer (10 digits, Luhn check digit)");
                } else {
                    unique(firstOrgNumber, OrganisationNumber.normalise(contractor.orgNumber()), at + ".orgNumber",
                            "organisationsnummer");
                }
            }
            required(at, "name", contractor.name());
            for (int a = 0; a < contractor.agreements().size(); a++) {
                checkAgreement(contractor.agreements().get(a), at + ".agreements[" + a + "]", municipalityByCode);
            }
        }
    }

    private void checkAgreement(PrivateContractorAgreement agreement, String at,
            Map<String, Municipality> municipalityByCode) {
        Municipality municipality = null;
        if (required(at, "kommun", agreement.kommun())) {
            municipality = municipalityByCode.get(agreement.kommun());
            if (municipality == null) {
                report(at + ".kommun", "no municipality with this code in the registry");
            }
        }
        if (agreement.validFrom() == null) {
            report(at + ".validFrom", "missing (a date, YYYY-MM-DD)");
        } else if (agreement.validTo() != null && agreement.validTo().isBefore(agreement.validFrom())) {
            report(at + ".validTo", "before validFrom");
        }
        if (agreement.customerNumbers().isEmpty()) {
            report(at + ".customerNumbers", "an agreement must cover at least one customer number");
        }
        if (municipality != null) {
            Set<String> ownNumbers = municipality.customerNumbers().stream()
                    .map(CustomerNumber::number)
                    .collect(Collectors.toSet());
            for (int c = 0; c < agreement.customerNumbers().size(); c++) {
                if (!ownNumbers.contains(agreement.customerNumbers().get(c))) {
                    report(at + ".customerNumbers[" + c + "]",
                            "not a customer number of municipality " + municipality.code());
                }
            }
        }
    }

    private void checkProductAreas(List<ProductArea> productAreas) {
        Map<String, String> firstCode = new HashMap<>();
        for (int i = 0; i < productAreas.size(); i++) {
            String at = "productAreas[" + i + "]";
            ProductArea area = productAreas.get(i);
            if (area == null) {
                report(at, "empty entry");
                continue;
            }
            if (required(at, "code", area.code())) {
                unique(firstCode, area.code(), at + ".code", "product area code");
            }
            required(at, "name", area.name());
            if (area.orderingRoles().isEmpty()) {
                report(at + ".orderingRoles", "at least one ordering role is required");
            }
            if (area.followUpMonths() != null && (area.followUpMonths() < 1 || area.followUpMonths() > 12)) {
                report(at + ".followUpMonths", "must be 1 to 12: a need is followed up at least once a year");
            }
        }
    }

    private void checkAssortment(List<Article> assortment, List<ProductArea> productAreas) {
        Set<String> areaCodes = codes(productAreas);
        Map<String, String> firstArticleNumber = new HashMap<>();
        for (int i = 0; i < assortment.size(); i++) {
            String at = "assortment[" + i + "]";
            Article article = assortment.get(i);
            if (article == null) {
                report(at, "empty entry");
                continue;
            }
            if (required(at, "articleNumber", article.articleNumber())) {
                unique(firstArticleNumber, article.articleNumber(), at + ".articleNumber", "article number");
            }
            required(at, "name", article.name());
            if (required(at, "productArea", article.productArea()) && !areaCodes.contains(article.productArea())) {
                report(at + ".productArea", "no product area with this code");
            }
            if (required(at, "iso9999", article.iso9999()) && !ISO_9999.matcher(article.iso9999()).matches()) {
                report(at + ".iso9999", "not an ISO 9999 code (2, 4 or 6 digits in pairs, e.g. 22 27 18)");
            }
        }
    }

    private void checkClassifications(List<Classification> classifications, List<ProductArea> productAreas) {
        Set<String> areaCodes = codes(productAreas);
        Map<String, String> firstPrefix = new HashMap<>();
        for (int i = 0; i < classifications.size(); i++) {
            String at = "classifications[" + i + "]";
            Classification classification = classifications.get(i);
            if (classification == null) {
                report(at, "empty entry");
                continue;
            }
            boolean scheme = required(at, "scheme", classification.scheme());
            if (required(at, "codePrefix", classification.codePrefix())) {
                if (scheme && Classification.ISO_9999.equalsIgnoreCase(classification.scheme())
                        && !ISO_9999.matcher(classification.codePrefix()).matches()) {
                    report(at + ".codePrefix", "not an ISO 9999 code (2, 4 or 6 digits in pairs, e.g. 22 27)");
                }
                if (scheme) {
                    unique(firstPrefix, classification.scheme().toUpperCase(java.util.Locale.ROOT) + " "
                            + classification.compactPrefix(), at + ".codePrefix", "code prefix of this scheme");
                }
            }
            if (required(at, "productArea", classification.productArea())
                    && !areaCodes.contains(classification.productArea())) {
                report(at + ".productArea", "no product area with this code");
            }
            if (classification.medicalDevice() == null) {
                report(at + ".medicalDevice", "missing (true or false)");
            }
        }
    }

    private static Set<String> codes(List<ProductArea> productAreas) {
        return productAreas.stream()
                .filter(area -> area != null && area.code() != null)
                .map(ProductArea::code)
                .collect(Collectors.toSet());
    }

    /** Reports a missing or blank required text; true when the value is present. */
    private boolean required(String at, String field, String value) {
        if (value == null || value.isBlank()) {
            report(at + "." + field, "missing");
            return false;
        }
        return true;
    }

    private void unique(Map<String, String> firstUse, String key, String path, String what) {
        String first = firstUse.putIfAbsent(key, path);
        if (first != null) {
            report(path, "duplicate " + what + " (first used on line " + positions.of(first).line() + ")");
        }
    }

    private void report(String path, String description) {
        YamlPositions.Position position = positions.of(path);
        problems.add(new InvalidRegistryException.Problem(position.line(), position.column(), path, description));
    }
}
