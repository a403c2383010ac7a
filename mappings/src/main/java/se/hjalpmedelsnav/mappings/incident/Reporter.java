package se.hjalpmedelsnav.mappings.incident;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Who reports the incident for the healthcare provider, and how the authority reaches them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reporter(String organisation, String name, String role, String phone, String email) {

    @Override
    public String toString() {
        return "Reporter[organisation=" + organisation + ", role=" + role + "]";
    }
}
