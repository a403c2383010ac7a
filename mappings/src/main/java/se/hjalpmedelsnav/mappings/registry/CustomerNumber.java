package se.hjalpmedelsnav.mappings.registry;

import java.util.List;

/**
 * A customer number (kundnummer) registered for one unit of a municipality in the supplier's IT
 * support.
 *
 * @param payerNumbers the payer numbers (betalarnummer) linked to it: who is invoiced
 * @param bufferStore  the unit's buffer store (bufferförråd): its address, and whether withdrawals refill it; null if
 *                     it has none
 */
public record CustomerNumber(String number, String unit, List<String> payerNumbers, BufferStore bufferStore) {

    public CustomerNumber {
        payerNumbers = payerNumbers == null ? List.of() : List.copyOf(payerNumbers);
    }

    public boolean isLinkedTo(String payerNumber) {
        return payerNumbers.contains(payerNumber);
    }
}
