package se.hjalpmedelsnav.mappings.peppol;

/** A trading party as Peppol knows it: its electronic address and its registered name. */
public record PeppolParty(PeppolEndpoint endpoint, String name) {

    public PeppolParty {
        if (endpoint == null || name == null || name.isBlank()) {
            throw new IllegalArgumentException("a Peppol party needs an endpoint and a name");
        }
    }
}
