package se.hjalpmedelsnav.mappings.order;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record Contact(String name, String phone) {

    @Override
    public String toString() {
        return "Contact[redacted]";
    }
}
