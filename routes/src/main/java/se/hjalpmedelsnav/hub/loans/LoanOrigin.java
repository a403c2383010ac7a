package se.hjalpmedelsnav.hub.loans;

import java.time.LocalDate;
import java.util.List;

/**
 * What the register keeps of an accepted order, return or fault report until the supplier's events about it come:
 * the hub keeps no message body. References, dates, article numbers and device ids; the user only as a pseudonym.
 *
 * @param articles  an order's lines, article and quantity, in the order's order; empty for the others
 * @param deviceIds the devices a return or fault report names; empty for an order
 */
public record LoanOrigin(String hubReference, String kommunCode, String messageType, String customerNumber,
        String decisionReference, String userPseudonym, LocalDate validTo, LocalDate followUpDate,
        List<Line> articles, List<String> deviceIds) {

    public LoanOrigin {
        articles = articles == null ? List.of() : List.copyOf(articles);
        deviceIds = deviceIds == null ? List.of() : List.copyOf(deviceIds);
    }

    /** One line of an order. */
    public record Line(String articleNumber, int quantity) {
    }

    /**
     * The article of each of {@code delivered} devices: the order's only article when it has one; else by position
     * when as many devices came as units were ordered (the supplier lists them in the order's order); else unknown.
     */
    public List<String> articlesOf(List<String> delivered) {
        List<String> distinct = articles.stream().map(Line::articleNumber).distinct().toList();
        if (distinct.size() == 1) {
            return delivered.stream().map(device -> distinct.get(0)).toList();
        }
        List<String> units = articles.stream()
                .flatMap(line -> java.util.stream.Stream.generate(line::articleNumber).limit(line.quantity()))
                .toList();
        if (units.size() == delivered.size()) {
            return units;
        }
        return delivered.stream().map(device -> (String) null).toList();
    }

    @Override
    public String toString() {
        return "LoanOrigin[hubReference=" + hubReference + ", kommunCode=" + kommunCode + ", type=" + messageType
                + "]";
    }
}
