package se.hjalpmedelsnav.mappings.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * An agreement between a municipality and a private contractor that lets the contractor order on
 * some of the municipality's customer numbers.
 *
 * @param validTo last valid day (inclusive), or null when open-ended
 */
public record PrivateContractorAgreement(String kommun, String reference, LocalDate validFrom, LocalDate validTo,
        List<String> customerNumbers) {

    public PrivateContractorAgreement {
        customerNumbers = customerNumbers == null ? List.of() : List.copyOf(customerNumbers);
    }

    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public boolean covers(String kommunCode, String customerNumber) {
        return kommun.equals(kommunCode) && customerNumbers.contains(customerNumber);
    }
}
