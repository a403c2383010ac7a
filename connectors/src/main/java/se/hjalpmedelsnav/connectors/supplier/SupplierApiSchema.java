package se.hjalpmedelsnav.connectors.supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.Keyword;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The schemas of the supplier API's contract ({@code openapi/supplier-api.yaml}), to check a body
 * against. Each schema is compiled once and reused.
 */
public final class SupplierApiSchema {

    public static final String SPEC = "classpath:openapi/supplier-api.yaml";

    /**
     * The OpenAPI 3.0 schema dialect; the document's own top-level keys are declared as
     * non-validating, since loading a fragment of the document reads its root too.
     */
    private static final JsonMetaSchema OPENAPI_DOCUMENT = JsonMetaSchema.builder(OpenApi30.getInstance())
            .keywords(Stream.of("openapi", "info", "servers", "security", "tags", "paths", "components")
                    .map(NonValidationKeyword::new)
                    .map(Keyword.class::cast)
                    .toList())
            .build();

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            builder -> builder.metaSchema(OPENAPI_DOCUMENT).defaultMetaSchemaIri(OPENAPI_DOCUMENT.getIri()));
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    /**
     * What is wrong with the body against the named schema of {@code components/schemas}, empty when
     * nothing is. Each violation names the place (a JSON Pointer) and the rule broken, e.g.
     * {@code /lines/0/quantity: minimum}, never the value found there,
     * so violations are safe to log and to send back.
     */
    public List<String> violations(JsonNode body, String schemaName) {
        JsonSchema schema = schemas.computeIfAbsent(schemaName, name -> factory.getSchema(
                SchemaLocation.of(SPEC + "#/components/schemas/" + name), config));
        return schema.validate(body).stream()
                .sorted(Comparator.comparing(message -> message.getInstanceLocation().toString()))
                .map(SupplierApiSchema::describe)
                .toList();
    }

    private static String describe(ValidationMessage message) {
        // JSON Pointer of the place; for a missing or unexpected property, the property itself.
        String place = message.getInstanceLocation().toString();
        if (message.getProperty() != null) {
            place = place + "/" + message.getProperty();
        }
        return (place.isEmpty() ? "/" : place) + ": " + message.getType();
    }
}
