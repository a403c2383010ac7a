package se.hjalpmedelsnav.mappings.supplier;

/**
 * The supplier's answer to an accepted {@code POST /orders}: 201 on first receipt, 200 with the
 * same body when the same orderId comes again.
 */
public record SupplierOrderReceipt(String supplierOrderId, SupplierReceiptStatus status) {
}
