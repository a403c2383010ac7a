package se.hjalpmedelsnav.hub.assortment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import se.hjalpmedelsnav.connectors.peppol.PeppolValidation;
import se.hjalpmedelsnav.mappings.assortment.AssortmentArticle;
import se.hjalpmedelsnav.mappings.assortment.Catalogue;
import se.hjalpmedelsnav.mappings.peppol.CatalogueReader;
import se.hjalpmedelsnav.mappings.peppol.CatalogueRefused;
import se.hjalpmedelsnav.mappings.registry.ProductArea;
import se.hjalpmedelsnav.mappings.registry.Registry;
import se.hjalpmedelsnav.mappings.registry.RegistrySource;
import se.hjalpmedelsnav.mappings.supplier.filedrop.SupplierStatusFileReader;

/**
 * A supplier's Peppol BIS Catalogue without response 3 in the file drop's inbox: read with DTDs off and a size limit,
 * checked with the official rules (PHIVE, {@code eu.peppol.bis3:catalogue:2026.5}), applied to the assortment in
 * force in one transaction ({@link AssortmentStore}) and put in force at once. A refused catalogue throws a
 * {@link CatalogueRefused} (a stable code; lines by their ID, no value of the file), which moves it to the error folder
 * with its reason beside it, and the assortment stays as it was.
 */
@Component
public class CatalogueFiles {

    private static final Logger log = LoggerFactory.getLogger(CatalogueFiles.class);

    private final CatalogueReader reader = new CatalogueReader();
    private final PeppolValidation peppol;
    private final AssortmentStore store;
    private final AssortmentInForce inForce;
    private final RegistrySource registry;
    private final Clock clock;

    public CatalogueFiles(PeppolValidation peppol, AssortmentStore store, AssortmentInForce inForce,
            RegistrySource registry, Clock clock) {
        this.peppol = peppol;
        this.store = store;
        this.inForce = inForce;
        this.registry = registry;
        this.clock = clock;
    }

    /** Whether the file's head names the UBL Catalogue namespace. */
    public boolean isCatalogue(@Body byte[] file) {
        return CatalogueReader.isCatalogue(file);
    }

    /** Applies the catalogue in the inbox; answers null: a catalogue is no event for a municipality. */
    public String apply(@Body byte[] file, Message message) {
        apply(file, message.getHeader(Exchange.FILE_NAME_ONLY, String.class));
        message.removeHeaders("*");
        return null;
    }

    /**
     * Checks a catalogue with the Peppol rules, applies it to the assortment in force in one transaction and puts the
     * new version in force; empty when this very file was applied before. Refused whole with a {@link CatalogueRefused}.
     *
     * @param name the file's name, or where it came from: the version records it
     */
    public Optional<AssortmentStore.Version> apply(byte[] file, String name) {
        Document document = reader.parse(file);
        List<String> breaches = peppol.breaches(document, PeppolValidation.CATALOGUE);
        if (!breaches.isEmpty()) {
            throw new CatalogueRefused(CatalogueRefused.PEPPOL_RULES_BROKEN, "the Peppol rules "
                    + PeppolValidation.CATALOGUE.getAsSingleID() + " find: " + String.join("; ", breaches));
        }
        Catalogue catalogue = reader.read(document);
        Registry fromFile = registry.fromFile();
        Map<String, AssortmentArticle> seed = fromFile.assortment().stream().collect(Collectors.toMap(
                article -> article.articleNumber(), article -> new AssortmentArticle(article, true, null, null),
                (a, b) -> a, java.util.LinkedHashMap::new));
        List<String> areas = fromFile.productAreas().stream().map(ProductArea::code).toList();
        Optional<AssortmentStore.Version> applied = store.apply(catalogue, name,
                SupplierStatusFileReader.eventId(file), seed, areas, fromFile.classifications(),
                OffsetDateTime.now(clock));
        if (applied.isEmpty()) {
            log.info("Catalogue {} was applied before; nothing changed", name);
        } else {
            AssortmentStore.Version version = applied.get();
            log.info("Catalogue {} ({} {}) applied as assortment version {}: {} added, {} updated, {} withdrawn",
                    name, version.headerAction(), version.catalogueId(), version.version(), version.added(),
                    version.updated(), version.withdrawn());
            inForce.refresh();
        }
        return applied;
    }
}
