package se.hjalpmedelsnav.mappings.registry;

import java.util.List;

/** A private contractor (privat utförare) identified by its organisationsnummer. */
public record PrivateContractor(String orgNumber, String name, List<PrivateContractorAgreement> agreements) {

    public PrivateContractor {
        agreements = agreements == null ? List.of() : List.copyOf(agreements);
    }
}
