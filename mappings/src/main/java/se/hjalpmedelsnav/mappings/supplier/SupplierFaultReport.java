package se.hjalpmedelsnav.mappings.supplier;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A fault report (felanmälan, arbetsorder) on one device as the hub sends it to the supplier's API
 * ({@code POST /fault-reports}, schema {@code SupplierFaultReport} in {@code openapi/supplier-api.yaml}).
 *
 * @param faultReportId the hub's reference (hubReference), also sent as the {@code Idempotency-Key}
 * @param reporter      who reports the fault
 * @param deviceId      the supplier's id (individnummer) of the faulty device
 * @param description   free text about the fault; may name the user, so never logged
 * @param outOfService  the device cannot be used until repaired
 * @param injuryOrRisk  the fault injured someone or could have
 * @param location      where the device is, for the technician
 * @param contact       whom the technician contacts
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SupplierFaultReport(
        String faultReportId,
        String municipalityCode,
        SupplierCustomer customer,
        String payerNumber,
        SupplierOrderer reporter,
        String deviceId,
        String articleNumber,
        String description,
        boolean outOfService,
        boolean injuryOrRisk,
        SupplierAddress location,
        SupplierContact contact) {

    @Override
    public String toString() {
        return "SupplierFaultReport[faultReportId=" + faultReportId + ", municipalityCode=" + municipalityCode
                + ", customerNumber=" + (customer == null ? null : customer.customerNumber()) + ", deviceId="
                + deviceId + ", articleNumber=" + articleNumber + ", outOfService=" + outOfService
                + ", injuryOrRisk=" + injuryOrRisk + "]";
    }
}
