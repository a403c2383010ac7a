package se.hjalpmedelsnav.mappings.registry;

import java.util.Set;

/**
 * A product area (produktområde) with the professions that may order from it (produktanvisning).
 */
public record ProductArea(String code, String name, Set<String> orderingRoles) {

    public ProductArea {
        orderingRoles = orderingRoles == null ? Set.of() : Set.copyOf(orderingRoles);
    }

    public boolean allowsRole(String role) {
        return role != null && orderingRoles.contains(role);
    }
}
