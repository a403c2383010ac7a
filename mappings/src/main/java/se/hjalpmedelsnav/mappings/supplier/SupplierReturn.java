package se.hjalpmedelsnav.mappings.supplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import se.hjalpmedelsnav.mappings.returns.ReturnReason;

/**
 * A return (återlämning, hämtorder) as the hub sends it to the supplier's API ({@code POST /returns},
 * schema {@code SupplierReturn} in {@code openapi/supplier-api.yaml}).
 *
 * @param returnId  the hub's reference (hubReference), also sent as the {@code Idempotency-Key}
 * @param deviceIds the supplier's ids (individnummer) of the devices
 * @param lost      the devices are lost: the supplier writes them off, there is no pickup
 * @param pickup    where to fetch the devices; null when {@code lost}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SupplierReturn(
        String returnId,
        String municipalityCode,
        SupplierCustomer customer,
        String payerNumber,
        SupplierOrderer orderer,
        List<String> deviceIds,
        ReturnReason reason,
        boolean lost,
        SupplierPickup pickup,
        String note) {

    public SupplierReturn {
        deviceIds = deviceIds == null ? List.of() : List.copyOf(deviceIds);
    }

    @Override
    public String toString() {
        // The pickup is often the user's home and the note free text: only references may reach a log.
        return "SupplierReturn[returnId=" + returnId + ", municipalityCode=" + municipalityCode + ", customerNumber="
                + (customer == null ? null : customer.customerNumber()) + ", reason=" + reason + ", devices="
                + deviceIds.size() + "]";
    }
}
