package se.hjalpmedelsnav.mappings.supplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of a business rejection (4xx) or error from the supplier's API.
 *
 * @param code    stable machine-readable code, e.g. {@code INVALID}, {@code UNKNOWN_ARTICLE}
 * @param details optional specifics, e.g. the fields or article numbers concerned; never personal data
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SupplierProblem(String code, String message, List<String> details) {

    public SupplierProblem {
        details = details == null ? List.of() : List.copyOf(details);
    }

    public SupplierProblem(String code, String message) {
        this(code, message, List.of());
    }
}
