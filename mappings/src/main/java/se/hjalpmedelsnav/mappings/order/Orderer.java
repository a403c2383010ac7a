package se.hjalpmedelsnav.mappings.order;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The person responsible for needs assessment and ordering (beställare), or the person the
 * ordering was delegated to.
 *
 * @param id                         the orderer's id in the municipality's case system
 * @param role                       profession, matched against the product area's ordering roles
 * @param privateContractorOrgNumber set when the orderer works for a private contractor (privat utförare)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Orderer(String id, String name, String role, String phone, String privateContractorOrgNumber) {

    public boolean forPrivateContractor() {
        return privateContractorOrgNumber != null && !privateContractorOrgNumber.isBlank();
    }

    @Override
    public String toString() {
        return "Orderer[id=" + id + ", role=" + role + ", privateContractor=" + forPrivateContractor() + "]";
    }
}
