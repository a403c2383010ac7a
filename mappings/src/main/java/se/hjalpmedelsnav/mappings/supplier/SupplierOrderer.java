package se.hjalpmedelsnav.mappings.supplier;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The person who placed the order (beställare).
 *
 * @param privateContractorOrgNumber set when the orderer works for a private contractor (privat utförare)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SupplierOrderer(String id, String name, String role, String phone, String privateContractorOrgNumber) {

    @Override
    public String toString() {
        return "SupplierOrderer[id=" + id + ", role=" + role + "]";
    }
}
