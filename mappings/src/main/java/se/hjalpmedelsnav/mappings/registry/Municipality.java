package se.hjalpmedelsnav.mappings.registry;

import java.util.List;

/**
 * A municipality of the county.
 *
 * @param agreementParty whether it signed the supply agreement; only parties may order
 */
public record Municipality(String code, String name, boolean agreementParty, List<CustomerNumber> customerNumbers) {

    public Municipality {
        customerNumbers = customerNumbers == null ? List.of() : List.copyOf(customerNumbers);
    }
}
