package se.hjalpmedelsnav.mappings.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;

/** The published schemas: each accepts the example, and both describe the same structure. */
class KommunMessageSchemasTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void publishedJsonSchemaAcceptsTheExampleOrderAndDispatchesOnType() throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                SchemaLocation.of("classpath:" + MessageContract.JSON_SCHEMA),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

        assertThat(schema.validate(MAPPER.readTree(OrderBody.valid().json()))).isEmpty();
        assertThat(schema.validate(MAPPER.readTree(OrderBody.valid().without("payerNumber").json()))).isNotEmpty();
        assertThat(schema.validate(MAPPER.readTree("{\"type\":\"INVOICE\"}"))).isNotEmpty();
    }

    @Test
    void publishedXsdAcceptsTheExampleOrder() throws Exception {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        javax.xml.validation.Schema xsd = factory.newSchema(new StreamSource(
                getClass().getClassLoader().getResourceAsStream(MessageContract.XSD)));

        assertThatCode(() -> xsd.newValidator().validate(new StreamSource(
                new ByteArrayInputStream(OrderBody.fixture("messages/order-valid.xml"))))).doesNotThrowAnyException();
    }

    @Test
    void jsonSchemaAndXsdDeclareTheSameMembersInTheSameOrderWithTheSameRequiredness() throws IOException {
        JsonNode schema = MAPPER.readTree(getClass().getClassLoader().getResource(MessageContract.JSON_SCHEMA));
        XsdContentModel xsd = XsdContentModel.read(MessageContract.XSD);
        List<String> checked = new ArrayList<>();

        for (MessageContract contract : MessageContract.SUPPORTED) {
            compare(schema, schema.at("/$defs/" + contract.schemaDefinition()),
                    xsd.rootType(contract.rootElement()).orElseThrow(), xsd, contract.rootElement(), checked);
        }

        assertThat(checked).contains("order", "order.orderer", "order.recipient.guardian", "order.delivery.address",
                "order.lines.line");
    }

    private static void compare(JsonNode root, JsonNode object, XsdContentModel.ComplexType type, XsdContentModel xsd,
            String path, List<String> checked) {
        List<String> members = new ArrayList<>();
        object.get("properties").fieldNames().forEachRemaining(members::add);
        List<String> required = new ArrayList<>();
        object.get("required").forEach(name -> required.add(name.asText()));

        assertThat(type.children()).as(path).extracting(XsdContentModel.Child::name).containsExactlyElementsOf(members);
        assertThat(type.children()).as(path + " required").filteredOn(XsdContentModel.Child::required)
                .extracting(XsdContentModel.Child::name).containsExactlyInAnyOrderElementsOf(required);
        assertThat(object.get("additionalProperties").asBoolean(true)).as(path + " closed").isFalse();
        checked.add(path);

        for (XsdContentModel.Child child : type.children()) {
            JsonNode member = resolve(root, object.get("properties").get(child.name()));
            xsd.typeOf(child).ifPresent(childType -> {
                if (childType.isList()) {
                    XsdContentModel.Child item = childType.children().get(0);
                    assertThat(member.get("type").asText()).as(path + "." + child.name()).isEqualTo("array");
                    compare(root, resolve(root, member.get("items")), xsd.typeOf(item).orElseThrow(), xsd,
                            path + "." + child.name() + "." + item.name(), checked);
                } else {
                    compare(root, member, childType, xsd, path + "." + child.name(), checked);
                }
            });
        }
    }

    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        return schema.has("$ref") ? root.at(schema.get("$ref").asText().substring(1)) : schema;
    }
}
