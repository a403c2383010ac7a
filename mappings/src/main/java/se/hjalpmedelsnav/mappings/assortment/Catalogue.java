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
     * @param validFrom  {@code LineValidityPeriod/StartDate}, or null
     * @param validTo    {@code LineValidityPeriod/EndDate}, or null
     */
    public record Line(String lineId, LineAction action, String articleNumber, String name, Boolean orderable,
            String productArea, String iso9999, Boolean medicalDevice, String manufacturer, LocalDate validFrom,
            LocalDate validTo) {
    }
}
