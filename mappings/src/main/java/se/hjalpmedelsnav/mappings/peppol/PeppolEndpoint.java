package se.hjalpmedelsnav.mappings.peppol;

/**
 * A Peppol electronic address (EndpointID): a scheme from the Peppol EAS code list and an id in it,
 * e.g. {@code 0007} (Swedish organisationsnummer, 10 digits without hyphen).
 */
public record PeppolEndpoint(String scheme, String id) {

    /** Swedish organisationsnummer as electronic address. */
    public static final String SWEDISH_ORGANISATION_NUMBER = "0007";

    public PeppolEndpoint {
        if (scheme == null || scheme.isBlank() || id == null || id.isBlank()) {
            throw new IllegalArgumentException("a Peppol endpoint needs a scheme and an id");
        }
    }

    public static PeppolEndpoint organisationNumber(String orgNumber) {
        return new PeppolEndpoint(SWEDISH_ORGANISATION_NUMBER, orgNumber.replace("-", ""));
    }
}
