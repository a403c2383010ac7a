package se.hjalpmedelsnav.mappings.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import se.hjalpmedelsnav.mappings.identifier.OrganisationNumber;

/**
 * The registry file as written, bound by Jackson before the rules are checked. Entries may be
 * null here (an empty list item), so that the checks can report them with their line.
 */
record RegistryDocument(List<Municipality> municipalities, List<PrivateContractor> privateContractors,
        List<ProductArea> productAreas, List<Article> assortment, List<Classification> classifications) {

    RegistryDocument {
        municipalities = orEmpty(municipalities);
        privateContractors = orEmpty(privateContractors);
        productAreas = orEmpty(productAreas);
        assortment = orEmpty(assortment);
        classifications = orEmpty(classifications);
    }

    private static <T> List<T> orEmpty(List<T> items) {
        return items == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(items));
    }

    /** The registry in force; organisationsnummer are kept as their 10 digits, the form lookups use. */
    Registry toRegistry() {
        List<PrivateContractor> contractors = privateContractors.stream()
                .map(c -> new PrivateContractor(OrganisationNumber.normalise(c.orgNumber()), c.name(), c.agreements()))
                .toList();
        return new Registry(municipalities, contractors, productAreas, assortment, classifications);
    }
}
