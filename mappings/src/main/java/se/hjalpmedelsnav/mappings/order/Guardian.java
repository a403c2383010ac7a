package se.hjalpmedelsnav.mappings.order;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Guardian (god man, förvaltare or vårdnadshavare) of the user, where there is one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Guardian(String name, String phone) {

    @Override
    public String toString() {
        return "Guardian[redacted]";
    }
}
