package se.hjalpmedelsnav.mappings.message;

import se.hjalpmedelsnav.mappings.order.Orderer;

/**
 * A message an orderer places on a municipality's customer number (kundnummer) and payer number
 * (betalarnummer) in the supplier's IT support: ORDER, RETURN and FAULT_REPORT. The rules on those
 * numbers and on private contractors read a message through this.
 */
public interface CustomerAccountMessage extends KommunMessage {

    /** Who sends it on the municipality's behalf: possibly someone working for a private contractor. */
    Orderer orderer();

    String customerNumber();

    String payerNumber();
}
