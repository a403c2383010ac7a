package se.hjalpmedelsnav.mappings.registry;

import java.util.List;
import se.hjalpmedelsnav.mappings.order.Address;

/**
 * A customer number (kundnummer) registered for one unit of a municipality in the supplier's IT
 * support.
 *
 * @param payerNumbers the payer numbers (betalarnummer) linked to it: who is invoiced
 * @param bufferStore  address of the unit's buffer store (bufferförråd), or null if it has none
 */
public record CustomerNumber(String number, String unit, List<String> payerNumbers, Address bufferStore) {

    public CustomerNumber {
        payerNumbers = payerNumbers == null ? List.of() : List.copyOf(payerNumbers);
    }

    public boolean isLinkedTo(String payerNumber) {
        return payerNumbers.contains(payerNumber);
    }
}
