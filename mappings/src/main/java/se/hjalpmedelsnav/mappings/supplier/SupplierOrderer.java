package se.hjalpmedelsnav.mappings.supplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import se.hjalpmedelsnav.mappings.order.Orderer;

/**
 * The person who placed the order (beställare).
 *
 * @param privateContractorOrgNumber set when the orderer works for a private contractor (privat utförare)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SupplierOrderer(String id, String name, String role, String phone, String privateContractorOrgNumber) {

    /** The supplier's copy of the orderer or reporter, phone included; null for null. */
    static SupplierOrderer of(Orderer orderer) {
        return orderer == null ? null
                : new SupplierOrderer(orderer.id(), orderer.name(), orderer.role(), orderer.phone(),
                        orderer.privateContractorOrgNumber());
    }

    @Override
    public String toString() {
        return "SupplierOrderer[id=" + id + ", role=" + role + "]";
    }
}
