package se.hjalpmedelsnav.mappings.message;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason a message was refused, as the municipality sees it in its receipt.
 * The message never quotes the offending value: it may be a personal identity number.
 *
 * @param code    stable error code
 * @param field   dotted path of the field concerned ({@code recipient.personalIdentityNumber},
 *                {@code lines[2].articleNumber}), or null when no single field applies
 * @param message a sentence a municipal integration engineer can act on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContractError(ErrorCode code, String field, String message) {

    public static ContractError of(ErrorCode code, String field, String message) {
        return new ContractError(code, field, message);
    }

    public static ContractError of(ErrorCode code, String message) {
        return new ContractError(code, null, message);
    }
}
