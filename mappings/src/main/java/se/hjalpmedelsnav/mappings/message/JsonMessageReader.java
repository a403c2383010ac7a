package se.hjalpmedelsnav.mappings.message;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Reads a JSON body: well-formedness within the limits, type dispatch, JSON Schema, then the record. */
final class JsonMessageReader {

    static final String UNPAIRED_SURROGATE = "must not contain an unpaired UTF-16 surrogate (a \\uD800-\\uDFFF escape "
            + "that is not one half of a pair); send the character itself, or both halves of its surrogate pair";

    private final ParserLimits limits;
    private final ObjectMapper mapper;
    private final Map<MessageType, JsonSchema> schemas;

    JsonMessageReader(ParserLimits limits) {
        this.limits = limits;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxNameLength(limits.maxStringLength())
                        .maxDocumentLength(limits.maxBytes())
                        .build())
                // Two members of one name would let the hub and a later reader see different orders.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        this.mapper = KommunMessageMappers.json(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.schemas = MessageContract.SUPPORTED.stream()
                .collect(Collectors.toUnmodifiableMap(MessageContract::type, JsonMessageReader::compile));
    }

    private static JsonSchema compile(MessageContract contract) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .build();
        JsonSchema schema = factory.getSchema(
                SchemaLocation.of("classpath:" + MessageContract.JSON_SCHEMA + "#/$defs/" + contract.schemaDefinition()),
                config);
        schema.initializeValidators();
        return schema;
    }

    ParseResult read(byte[] body) {
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (StreamConstraintsException e) {
            return MessageHeader.NONE.reject(BodyFormat.JSON, ContractError.of(ErrorCode.MALFORMED, limitBreached(e)));
        } catch (IOException e) {
            return MessageHeader.NONE.reject(BodyFormat.JSON,
                    ContractError.of(ErrorCode.MALFORMED, "body is not well-formed JSON" + where(e)));
        }
        if (tree == null || tree.isMissingNode()) {
            return MessageHeader.NONE.reject(BodyFormat.JSON, ContractError.of(ErrorCode.MALFORMED, "body is empty"));
        }
        if (!tree.isObject()) {
            return MessageHeader.NONE.reject(BodyFormat.JSON,
                    ContractError.of(ErrorCode.SCHEMA_INVALID, "the message must be a JSON object"));
        }
        JsonNode typeNode = tree.get("type");
        MessageType type = typeNode != null && typeNode.isTextual() ? messageType(typeNode.asText()) : null;
        MessageHeader header = MessageHeader.read(member(tree, "messageId"), member(tree, "kommunCode"), type);
        if (typeNode == null) {
            return header.reject(BodyFormat.JSON, ContractError.of(ErrorCode.SCHEMA_INVALID, "type", "is required"));
        }
        if (type == null) {
            return header.reject(BodyFormat.JSON, ContractError.of(ErrorCode.UNKNOWN_MESSAGE_TYPE, "type",
                    "is not a known message type"));
        }
        MessageContract contract = MessageContract.of(type).orElse(null);
        if (contract == null) {
            return header.reject(BodyFormat.JSON, MessageContract.notSupportedYet(type, "type"));
        }
        List<ContractError> errors = new ArrayList<>(schemaErrors(schemas.get(type).validate(tree)));
        textCharacters(tree, "", errors);
        if (!errors.isEmpty()) {
            return header.reject(BodyFormat.JSON, errors);
        }
        return MessageMapping.toRecord(tree, contract, header, BodyFormat.JSON);
    }

    /**
     * Text with control characters (other than tab and line breaks): valid JSON, but no name, reference or
     * note has them, XML 1.0 cannot carry them (the Peppol file drop), and they hide text in logs and consoles.
     * Text with an unpaired surrogate ({@code "\\ud800"}): valid JSON too, but no character, and it would stop
     * the municipality's {@code .out} for an AMQP client that cannot decode it ({@link WellFormedText}).
     */
    private static void textCharacters(JsonNode node, String path, List<ContractError> errors) {
        if (node.isTextual()) {
            if (WellFormedText.hasControlCharacter(node.asText())) {
                errors.add(schemaInvalid(path, "must not contain control characters"));
            }
            if (WellFormedText.hasUnpairedSurrogate(node.asText())) {
                errors.add(schemaInvalid(path, UNPAIRED_SURROGATE));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                textCharacters(node.get(i), path + "[" + i + "]", errors);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(member -> textCharacters(member.getValue(),
                    FieldPaths.isPlainName(member.getKey())
                            ? (path.isEmpty() ? member.getKey() : path + "." + member.getKey()) : path, errors));
        }
    }

    private String limitBreached(StreamConstraintsException e) {
        String reason = String.valueOf(e.getOriginalMessage());
        if (reason.contains("nesting depth")) {
            return "body is nested deeper than " + limits.maxDepth() + " levels";
        }
        if (reason.contains("String value length") || reason.contains("Name length")) {
            return "body has a string longer than " + limits.maxStringLength() + " characters";
        }
        if (reason.contains("Number value length")) {
            return "body has a number with too many digits";
        }
        return "body exceeds the parser's limits";
    }

    private static String where(IOException e) {
        if (e instanceof JsonProcessingException processing && processing.getLocation() != null) {
            JsonLocation location = processing.getLocation();
            if (location.getLineNr() > 0) {
                return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
            }
        }
        return "";
    }

    private static MessageType messageType(String name) {
        for (MessageType type : MessageType.values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }

    private static String member(JsonNode tree, String member) {
        JsonNode node = tree.get(member);
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static List<ContractError> schemaErrors(Set<ValidationMessage> violations) {
        Set<ContractError> errors = new LinkedHashSet<>();
        for (ValidationMessage violation : violations) {
            errors.add(contractError(violation));
        }
        return new ArrayList<>(errors);
    }

    /** The field and a message from the keyword that failed; the instance value is never quoted. */
    private static ContractError contractError(ValidationMessage violation) {
        String at = path(violation.getInstanceLocation());
        JsonNode rule = violation.getSchemaNode();
        String keyword = violation.getType();
        return switch (keyword) {
            case "required" -> schemaInvalid(child(at, violation.getProperty()), "is required");
            case "additionalProperties", "unevaluatedProperties" -> schemaInvalid(
                    FieldPaths.isPlainName(violation.getProperty()) ? child(at, violation.getProperty()) : at,
                    FieldPaths.isPlainName(violation.getProperty())
                            ? "is not part of the contract"
                            : "has a member that is not part of the contract");
            case "type" -> schemaInvalid(at, "must be " + typeName(rule));
            case "pattern" -> schemaInvalid(at, "does not have the required form");
            case "format" -> schemaInvalid(at, "is not a valid " + keywordText(rule, "format")
                    + ("date".equals(keywordText(rule, "format")) ? " (YYYY-MM-DD)" : " (RFC 3339, with offset)"));
            case "enum" -> schemaInvalid(at, "must be one of " + listed(rule, "enum"));
            case "const" -> schemaInvalid(at, "must be " + keywordText(rule, "const"));
            case "minLength" -> schemaInvalid(at, number(rule, "minLength") == 1 ? "must not be empty"
                    : "must be at least " + number(rule, "minLength") + " characters");
            case "maxLength" -> schemaInvalid(at, "must be at most " + number(rule, "maxLength") + " characters");
            case "minimum" -> schemaInvalid(at, "must be at least " + number(rule, "minimum"));
            case "maximum" -> schemaInvalid(at, "must be at most " + number(rule, "maximum"));
            case "minItems" -> schemaInvalid(at, number(rule, "minItems") == 1 ? "must have at least one item"
                    : "must have at least " + number(rule, "minItems") + " items");
            case "maxItems" -> schemaInvalid(at, "has more items than the contract allows (at most "
                    + number(rule, "maxItems") + ")");
            default -> schemaInvalid(at, "is not valid");
        };
    }

    private static ContractError schemaInvalid(String field, String message) {
        return ContractError.of(ErrorCode.SCHEMA_INVALID, field.isEmpty() ? null : field, message);
    }

    /** The rule's keyword value: networknt hands either the keyword's value or the schema object holding it. */
    private static JsonNode keywordValue(JsonNode rule, String keyword) {
        if (rule != null && rule.isObject() && rule.has(keyword)) {
            return rule.get(keyword);
        }
        return rule;
    }

    private static String keywordText(JsonNode rule, String keyword) {
        JsonNode value = keywordValue(rule, keyword);
        return value == null ? "" : value.asText();
    }

    private static long number(JsonNode rule, String keyword) {
        JsonNode value = keywordValue(rule, keyword);
        return value == null ? 0 : value.asLong();
    }

    private static String listed(JsonNode rule, String keyword) {
        JsonNode value = keywordValue(rule, keyword);
        if (value == null || !value.isArray()) {
            return "the allowed values";
        }
        return StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.joining(", "));
    }

    private static String typeName(JsonNode rule) {
        JsonNode value = keywordValue(rule, "type");
        Function<String, String> article = name -> switch (name) {
            case "string" -> "a string";
            case "integer" -> "an integer";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "object" -> "an object";
            case "array" -> "an array";
            default -> name;
        };
        if (value != null && value.isArray()) {
            return StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText).map(article)
                    .collect(Collectors.joining(" or "));
        }
        return value == null ? "of another type" : article.apply(value.asText());
    }

    private static String path(JsonNodePath location) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                String name = String.valueOf(element);
                path.append(path.length() == 0 ? "" : ".").append(FieldPaths.isPlainName(name) ? name : "?");
            }
        }
        return path.toString();
    }

    private static String child(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }
}
