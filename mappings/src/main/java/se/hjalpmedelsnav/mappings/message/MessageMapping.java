package se.hjalpmedelsnav.mappings.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;

/** The last step for both formats: a schema-valid JSON tree becomes its record, with one mapper. */
final class MessageMapping {

    private MessageMapping() {
    }

    static ParseResult toRecord(JsonNode tree, MessageContract contract, MessageHeader header, BodyFormat format) {
        try {
            return new ParseResult.Parsed(KommunMessageMappers.json().treeToValue(tree, contract.recordClass()),
                    format);
        } catch (JsonMappingException e) {
            // The schema let through something Java cannot hold (a leap second, say): still the sender's fault.
            return header.reject(format, ContractError.of(ErrorCode.SCHEMA_INVALID, FieldPaths.of(e.getPath()),
                    "does not have the required form"));
        } catch (JsonProcessingException e) {
            return header.reject(format, ContractError.of(ErrorCode.SCHEMA_INVALID, "the message could not be read"));
        }
    }
}
