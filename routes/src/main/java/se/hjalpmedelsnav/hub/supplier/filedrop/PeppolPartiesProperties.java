package se.hjalpmedelsnav.hub.supplier.filedrop;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import se.hjalpmedelsnav.mappings.peppol.PeppolEndpoint;
import se.hjalpmedelsnav.mappings.peppol.PeppolParty;

/**
 * The parties of the Peppol orders in the file drop ({@code nav.filedrop.peppol.*}). Endpoints are
 * written {@code scheme:id}, e.g. {@code 0007:5569990004} (0007: Swedish organisationsnummer).
 *
 * @param supplierEndpoint             the supplier's (seller's) Peppol endpoint
 * @param supplierName                 the supplier's registered name
 * @param municipalityEndpoints        each municipality's endpoint (the buyer and invoicee) by kommunCode
 * @param fallbackMunicipalityEndpoint the endpoint of a municipality not listed; leave it out in production,
 *                                     where an order of an unlisted municipality then parks with its reason
 */
@ConfigurationProperties("nav.filedrop.peppol")
public record PeppolPartiesProperties(
        @DefaultValue("0007:5569990004") String supplierEndpoint,
        @DefaultValue("Hjälpmedelsleverantören AB (fiktiv)") String supplierName,
        @DefaultValue Map<String, String> municipalityEndpoints,
        String fallbackMunicipalityEndpoint) {

    public PeppolParty supplier() {
        return new PeppolParty(endpoint(supplierEndpoint, "supplier-endpoint"), supplierName);
    }

    /** The endpoint of every municipality that has one, listed or by the fallback. */
    public Map<String, PeppolEndpoint> municipalities(Iterable<String> kommunCodes) {
        var endpoints = new java.util.HashMap<String, PeppolEndpoint>();
        for (String code : kommunCodes) {
            String configured = municipalityEndpoints == null ? null : municipalityEndpoints.get(code);
            String value = configured != null ? configured : fallbackMunicipalityEndpoint;
            if (value != null && !value.isBlank()) {
                endpoints.put(code, endpoint(value, "municipality-endpoints." + code));
            }
        }
        return endpoints;
    }

    private static PeppolEndpoint endpoint(String value, String property) {
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon < 1 || colon == value.length() - 1) {
            throw new IllegalArgumentException("nav.filedrop.peppol." + property + " must read scheme:id");
        }
        return new PeppolEndpoint(value.substring(0, colon), value.substring(colon + 1));
    }
}
