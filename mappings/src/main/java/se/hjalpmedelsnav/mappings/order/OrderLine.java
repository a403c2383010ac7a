package se.hjalpmedelsnav.mappings.order;

/** One article of the assortment and how many. */
public record OrderLine(String articleNumber, Integer quantity) {
}
