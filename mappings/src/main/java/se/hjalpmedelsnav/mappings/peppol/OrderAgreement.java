package se.hjalpmedelsnav.mappings.peppol;

import java.time.LocalDate;
import java.util.List;

/**
 * What a supplier's Peppol BIS Order Agreement 3 says about an order it took outside the hub (by phone, in its own
 * screens), in the hub's terms. References and numbers only: the hub passes on no personal data from it.
 *
 * @param agreementId     the agreement's {@code cbc:ID}: the order's hub reference from now on
 * @param supplierOrderId the supplier's order number ({@code cbc:SalesOrderID}), or null
 * @param issueDate       the agreement's issue date
 * @param customerNumber  the buyer's {@code PartyIdentification/ID}: the municipality unit's customer number
 * @param payerNumber     the invoicee's ({@code AccountingCustomerParty}) {@code PartyIdentification/ID}, or null
 * @param lines           the seller's item ids and quantities agreed
 */
public record OrderAgreement(String agreementId, String supplierOrderId, LocalDate issueDate, String customerNumber,
        String payerNumber, List<Line> lines) {

    public OrderAgreement {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** One agreed line: the seller's item id (the hub's article number) and the quantity. */
    public record Line(String articleNumber, java.math.BigDecimal quantity) {
    }

    @Override
    public String toString() {
        return "OrderAgreement[agreementId=" + agreementId + ", supplierOrderId=" + supplierOrderId + ", lines="
                + lines.size() + "]";
    }
}
