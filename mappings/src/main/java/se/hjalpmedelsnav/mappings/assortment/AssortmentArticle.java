package se.hjalpmedelsnav.mappings.assortment;

import java.time.LocalDate;
import java.util.Objects;
import se.hjalpmedelsnav.mappings.registry.Article;

/**
 * An article of the assortment in force, with what the supplier's catalogue says about when it may be ordered.
 *
 * @param orderable the catalogue line's {@code OrderableIndicator}
 * @param validFrom the first day it may be ordered, or null
 * @param validTo   the last day it may be ordered, or null
 */
public record AssortmentArticle(Article article, boolean orderable, LocalDate validFrom, LocalDate validTo) {

    public AssortmentArticle {
        Objects.requireNonNull(article, "article");
    }

    /** Whether it may be ordered on that day: marked orderable and within its validity. */
    public boolean orderableOn(LocalDate day) {
        return orderable && (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }
}
