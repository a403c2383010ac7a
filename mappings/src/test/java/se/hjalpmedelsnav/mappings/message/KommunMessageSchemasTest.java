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
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The published schemas: each accepts the examples, and both describe the same structure. */
class KommunMessageSchemasTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The example of each type, by the name its JSON and XML fixtures share. */
    static Stream<String> examples() {
        return Stream.of("order-valid", "return-valid", "fault-report-valid", "incident-report-valid",
                "buffer-withdrawal-valid", "loans-request-valid", "follow-up-done-valid");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void publishedJsonSchemaAcceptsTheExampleAndDispatchesOnType(String example) throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                SchemaLocation.of("classpath:" + MessageContract.JSON_SCHEMA),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        OrderBody body = OrderBody.of("messages/" + example + ".json");

        assertThat(schema.validate(MAPPER.readTree(body.json()))).isEmpty();
        assertThat(schema.validate(MAPPER.readTree(OrderBody.of("messages/" + example + ".json")
                .without("messageId").json()))).isNotEmpty();
        assertThat(schema.validate(MAPPER.readTree(OrderBody.of("messages/" + example + ".json")
                .with("unexpected", "x").json()))).isNotEmpty();
        assertThat(schema.validate(MAPPER.readTree("{\"type\":\"INVOICE\"}"))).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void publishedXsdAcceptsTheExample(String example) throws Exception {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        javax.xml.validation.Schema xsd = factory.newSchema(new StreamSource(
                getClass().getClassLoader().getResourceAsStream(MessageContract.XSD)));

        assertThatCode(() -> xsd.newValidator().validate(new StreamSource(
                new ByteArrayInputStream(OrderBody.fixture("messages/" + example + ".xml")))))
                .doesNotThrowAnyException();
    }

    @Test
    void bothSchemasPublishEveryOrderStatusTheHubSends() throws Exception {
        List<String> statuses = Stream.of(OrderStatus.values()).map(Enum::name).toList();
        JsonNode schema = MAPPER.readTree(getClass().getClassLoader().getResource(MessageContract.JSON_SCHEMA));
        List<String> inJson = new ArrayList<>();
        schema.at("/$defs/orderStatus/enum").forEach(status -> inJson.add(status.asText()));
        org.w3c.dom.Document xsd = javax.xml.parsers.DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(getClass().getClassLoader().getResourceAsStream(MessageContract.XSD));
        javax.xml.xpath.XPath xpath = javax.xml.xpath.XPathFactory.newInstance().newXPath();
        org.w3c.dom.NodeList values = (org.w3c.dom.NodeList) xpath.evaluate(
                "//*[local-name()='simpleType'][@name='OrderStatus']//*[local-name()='enumeration']/@value", xsd,
                javax.xml.xpath.XPathConstants.NODESET);
        List<String> inXsd = new ArrayList<>();
        for (int i = 0; i < values.getLength(); i++) {
            inXsd.add(values.item(i).getNodeValue());
        }

        assertThat(inJson).containsExactlyElementsOf(statuses).contains("REGISTERED_BY_SUPPLIER");
        assertThat(inXsd).containsExactlyElementsOf(statuses);
    }

    @Test
    void everyMessageTypeIsSupportedOrPublishedAheadOfItsHandling() {
        List<MessageType> known = new ArrayList<>(MessageContract.SUPPORTED.stream().map(MessageContract::type).toList());
        known.addAll(MessageContract.PUBLISHED_AHEAD);
        assertThat(known).containsExactlyInAnyOrder(MessageType.values());
    }

    /** What the hub sends on .out besides receipts: in both schemas, as $defs and as XSD complex types. */
    static Stream<org.junit.jupiter.params.provider.Arguments> outgoing() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("loans", "Loans", "loans.json", "loans.loans.loan.state"),
                org.junit.jupiter.params.provider.Arguments.of("followUpDue", "FollowUpDue", "follow-up-due.json",
                        "followUpDue.deviceIds.deviceId"),
                org.junit.jupiter.params.provider.Arguments.of("returnDue", "ReturnDue", "return-due.json",
                        "returnDue.deviceIds.deviceId"));
    }

    @ParameterizedTest
    @MethodSource("outgoing")
    void bothSchemasPublishWhatTheHubSendsAndTheExampleIsValid(String definition, String complexType, String example,
            String deepestMember) throws IOException {
        JsonNode schema = MAPPER.readTree(getClass().getClassLoader().getResource(MessageContract.JSON_SCHEMA));
        XsdContentModel xsd = XsdContentModel.read(MessageContract.XSD);
        List<String> checked = new ArrayList<>();
        compare(schema, schema.at("/$defs/" + definition), xsd.complexType(complexType).orElseThrow(), xsd, definition,
                checked);
        JsonSchema published = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                SchemaLocation.of("classpath:" + MessageContract.JSON_SCHEMA + "#/$defs/" + definition),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        JsonNode exampleBody = MAPPER.readTree(java.nio.file.Path.of("../examples", example).toFile());

        assertThat(checked).contains(definition, deepestMember);
        assertThat(published.validate(exampleBody)).as(example).isEmpty();
        assertThat(published.validate(((com.fasterxml.jackson.databind.node.ObjectNode) exampleBody.deepCopy())
                .put("unexpected", "x"))).isNotEmpty();
    }

    /** Every example in examples/ a municipality sends passes the published JSON Schema. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"order.json", "return.json", "fault-report.json",
            "incident-report.json", "loans-request.json", "follow-up-done.json"})
    void publishedJsonSchemaAcceptsEveryExampleOfTheReadme(String example) throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                SchemaLocation.of("classpath:" + MessageContract.JSON_SCHEMA),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

        assertThat(schema.validate(MAPPER.readTree(java.nio.file.Path.of("../examples", example).toFile())))
                .as(example).isEmpty();
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
        for (MessageType ahead : MessageContract.PUBLISHED_AHEAD) {
            String root = MessageContract.rootElementOf(ahead);
            compare(schema, schema.at("/$defs/" + root), xsd.rootType(root).orElseThrow(), xsd, root, checked);
        }

        assertThat(checked).contains("order", "order.orderer", "order.recipient.guardian", "order.delivery.address",
                "order.lines.line", "return", "return.orderer", "return.deviceIds.deviceId", "return.pickup.address",
                "return.pickup.contact", "faultReport", "faultReport.location.address", "faultReport.contact",
                "incidentReport", "incidentReport.reporter", "incidentReport.device", "incidentReport.patient",
                "incidentReport.reporter.email", "incidentReport.patient.age", "incidentReport.patient.sex",
                "bufferWithdrawal", "bufferWithdrawal.recipient.guardian", "bufferWithdrawal.decision.process",
                "bufferWithdrawal.deviceId", "bufferWithdrawal.handedOutAt",
                "order.decision.validTo", "order.decision.followUpDate", "loansRequest",
                "loansRequest.personalIdentityNumber", "loansRequest.decisionReference", "loansRequest.deviceId",
                "followUpDone", "followUpDone.deviceIds.deviceId", "followUpDone.nextFollowUpDate");
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
            String childPath = path + "." + child.name();
            Optional<XsdContentModel.ComplexType> childType = xsd.typeOf(child);
            if (childType.isEmpty()) {
                compareText(member, xsd.textRuleOf(child), childPath, checked);
            } else if (childType.get().isList()) {
                XsdContentModel.Child item = childType.get().children().get(0);
                assertThat(member.get("type").asText()).as(childPath).isEqualTo("array");
                JsonNode items = resolve(root, member.get("items"));
                String itemPath = childPath + "." + item.name();
                xsd.typeOf(item).ifPresentOrElse(
                        itemType -> compare(root, items, itemType, xsd, itemPath, checked),
                        () -> compareText(items, xsd.textRuleOf(item), itemPath, checked));
            } else {
                compare(root, member, childType.get(), xsd, childPath, checked);
            }
        }
    }

    /** A text member: the same values allowed, the same bounds where the XSD states them, and a length limit. */
    private static void compareText(JsonNode member, XsdContentModel.TextRule rule, String path,
            List<String> checked) {
        List<String> values = new ArrayList<>();
        if (member.has("enum")) {
            member.get("enum").forEach(value -> values.add(value.asText()));
        } else if (member.has("const")) {
            values.add(member.get("const").asText());
        }
        assertThat(rule.enumeration()).as(path + " values").containsExactlyElementsOf(values);
        String jsonType = member.path("type").asText();
        if (jsonType.equals("string")) {
            assertThat(member.has("maxLength")).as(path + " has a maxLength").isTrue();
            if (rule.maxLength() != null) {
                assertThat(rule.maxLength()).as(path + " maxLength").isEqualTo(member.get("maxLength").asInt());
            }
            if (rule.minLength() != null) {
                assertThat(rule.minLength()).as(path + " minLength").isEqualTo(member.path("minLength").asInt());
            }
        }
        if (jsonType.equals("integer")) {
            assertThat(rule.minInclusive()).as(path + " minimum").isEqualTo(member.get("minimum").asInt());
            assertThat(rule.maxInclusive()).as(path + " maximum").isEqualTo(member.get("maximum").asInt());
        }
        if (jsonType.equals("boolean")) {
            assertThat(rule.leaf()).as(path + " boolean").isEqualTo(XsdContentModel.Leaf.BOOLEAN);
        }
        checked.add(path);
    }

    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        return schema.has("$ref") ? root.at(schema.get("$ref").asText().substring(1)) : schema;
    }
}
