package se.hjalpmedelsnav.mappings.supplier;

/** One article of the supplier's assortment and how many units of it. */
public record SupplierOrderLine(String articleNumber, int quantity) {
}
