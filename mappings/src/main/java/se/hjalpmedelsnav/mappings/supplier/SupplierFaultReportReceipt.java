package se.hjalpmedelsnav.mappings.supplier;

/**
 * The supplier's answer to an accepted {@code POST /fault-reports}: 201 on first receipt, 200 with
 * the same body when the same faultReportId comes again.
 */
public record SupplierFaultReportReceipt(String supplierFaultReportId, SupplierReceiptStatus status) {
}
