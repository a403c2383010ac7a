package se.hjalpmedelsnav.mappings.order;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record Address(String careOf, String street, String postalCode, String city) {

    @Override
    public String toString() {
        return "Address[redacted]";
    }
}
