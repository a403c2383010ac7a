package se.hjalpmedelsnav.mappings.registry;

import java.util.Set;

/**
 * A product area (produktområde) with the professions that may order from it (produktanvisning).
 *
 * @param followUpMonths how many months after delivery the need behind a loan of the area is followed up when the
 *                       order gave no {@code decision.followUpDate}; null for {@value #DEFAULT_FOLLOW_UP_MONTHS}
 *                       (the handbook: at least once a year)
 */
public record ProductArea(String code, String name, Set<String> orderingRoles, Integer followUpMonths) {

    public static final int DEFAULT_FOLLOW_UP_MONTHS = 12;

    public ProductArea {
        orderingRoles = orderingRoles == null ? Set.of() : Set.copyOf(orderingRoles);
    }

    public ProductArea(String code, String name, Set<String> orderingRoles) {
        this(code, name, orderingRoles, null);
    }

    public boolean allowsRole(String role) {
        return role != null && orderingRoles.contains(role);
    }

    /** The follow-up interval in force: the area's own, else the default. */
    public int followUpInterval() {
        return followUpMonths == null ? DEFAULT_FOLLOW_UP_MONTHS : followUpMonths;
    }
}
