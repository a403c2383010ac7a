package se.hjalpmedelsnav.mappings.supplier;

/**
 * The ordering unit: its customer number (kundnummer) in the supplier's IT support and the unit's
 * name as the registry knows it.
 */
public record SupplierCustomer(String customerNumber, String unitName) {
}
