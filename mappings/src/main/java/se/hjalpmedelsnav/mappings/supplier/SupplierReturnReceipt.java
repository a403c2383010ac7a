package se.hjalpmedelsnav.mappings.supplier;

/**
 * The supplier's answer to an accepted {@code POST /returns}: 201 on first receipt, 200 with the
 * same body when the same returnId comes again.
 */
public record SupplierReturnReceipt(String supplierReturnId, SupplierReceiptStatus status) {
}
