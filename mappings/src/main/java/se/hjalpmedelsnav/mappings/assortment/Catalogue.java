package se.hjalpmedelsnav.mappings.assortment;

import java.time.LocalDate;
import java.util.List;

/**
 * A supplier's Peppol BIS Catalogue (without response) 3, in the hub's terms: what it does to the assortment.
 *
 * @param catalogueId the catalogue's {@code cbc:ID}
 * @param action      the header's {@code cbc:ActionCode}; Replace when absent (BIS's default)
 * @param issueDate   the catalogue's issue date
 * @param lines       its lines, in document order
 */
public record Catalogue(String catalogueId, HeaderAction action, LocalDate issueDate, List<Line> lines) {

    public Catalogue {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** The header actions of BIS Catalogue 3. */
    public enum HeaderAction {
        /** A new catalogue: the assortment becomes exactly its lines (as Replace: the hub keeps one supplier's one). */
        ADD,
        /** The assortment becomes exactly its lines; articles left out are withdrawn. */
        REPLACE,
        /** Its lines' actions (Add, Update, Delete) change the assortment; the rest stays. */
        UPDATE,
        /** The whole catalogue is withdrawn: nothing is orderable. */
        DELETE
    }

    /** The line actions of BIS Catalogue 3, matched on the seller's item id. */
    public enum LineAction {
        ADD,
        UPDATE,
        DELETE
    }

    /**
     * One catalogue line: an article (the seller's item id is the hub's article number) and what to do with it.
     * Product area, ISO 9999 code and medical-device flag come from the item properties the supplier agreed to
     * ({@code ProductArea}, {@code ISO9999}, {@code MedicalDevice}); null where the line does not carry them.
     *
     * @param lineId     the line's {@code cbc:ID}, which a refusal names
     * @param orderable  {@code OrderableIndicator}; null when absent (orderable)
     * @param validFrom  {@code LineValidityPeriod/StartDate} (else the catalogue's {@code ValidityPeriod}), or null
     * @param validTo    {@code LineValidityPeriod/EndDate}, or null
     * @param classifications its ISO 9999 code and commodity classifications, in that order: the registry's mapping
     *                   finds the product area and medical-device flag by them when the line does not carry them
     */
    public record Line(String lineId, LineAction action, String articleNumber, String name, Boolean orderable,
            String productArea, String iso9999, Boolean medicalDevice, String manufacturer, LocalDate validFrom,
            LocalDate validTo, List<Code> classifications) {

        public Line {
            classifications = classifications == null ? List.of() : List.copyOf(classifications);
        }

        /** A line with no classification but its ISO 9999 code. */
        public Line(String lineId, LineAction action, String articleNumber, String name, Boolean orderable,
                String productArea, String iso9999, Boolean medicalDevice, String manufacturer, LocalDate validFrom,
                LocalDate validTo) {
            this(lineId, action, articleNumber, name, orderable, productArea, iso9999, medicalDevice, manufacturer,
                    validFrom, validTo, iso9999 == null ? List.of() : List.of(new Code(ISO_9999, iso9999)));
        }
    }

    /** The scheme of the ISO 9999 code the item property {@code ISO9999} carries. */
    public static final String ISO_9999 = se.hjalpmedelsnav.mappings.registry.Classification.ISO_9999;

    /**
     * A classification of the line's item: its ISO 9999 code (scheme {@value #ISO_9999}), or a
     * {@code cac:CommodityClassification/cbc:ItemClassificationCode} (scheme: its {@code listID}).
     */
    public record Code(String scheme, String code) {
    }
}
