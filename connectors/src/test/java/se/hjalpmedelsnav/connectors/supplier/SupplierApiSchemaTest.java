package se.hjalpmedelsnav.connectors.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.buffer.BufferStoreOrders;
import se.hjalpmedelsnav.mappings.buffer.BufferWithdrawalMessage;
import se.hjalpmedelsnav.mappings.order.Address;
import se.hjalpmedelsnav.mappings.registry.BufferStore;
import se.hjalpmedelsnav.mappings.order.Contact;
import se.hjalpmedelsnav.mappings.order.Decision;
import se.hjalpmedelsnav.mappings.order.Delivery;
import se.hjalpmedelsnav.mappings.order.DeliveryTarget;
import se.hjalpmedelsnav.mappings.order.Guardian;
import se.hjalpmedelsnav.mappings.order.IdentityProtection;
import se.hjalpmedelsnav.mappings.order.OrderLine;
import se.hjalpmedelsnav.mappings.order.OrderMessage;
import se.hjalpmedelsnav.mappings.order.OrderProcess;
import se.hjalpmedelsnav.mappings.order.Orderer;
import se.hjalpmedelsnav.mappings.order.Recipient;
import se.hjalpmedelsnav.mappings.registry.CustomerNumber;
import se.hjalpmedelsnav.mappings.registry.Municipality;
import se.hjalpmedelsnav.mappings.registry.Registry;
import se.hjalpmedelsnav.mappings.supplier.SupplierEvent;
import se.hjalpmedelsnav.mappings.supplier.SupplierEventType;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderStatus;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderTranslator;
import se.hjalpmedelsnav.mappings.supplier.SupplierProblem;

/** The contract file is valid OpenAPI, and the Java records serialise to what it describes. */
class SupplierApiSchemaTest {

    private static final String HUB_REFERENCE = "3f2b8c1e-8d4a-4c6e-9a57-0b1c2d3e4f50";

    private final SupplierApiSchema schema = new SupplierApiSchema();
    /** Configured as Spring Boot configures the hub's mapper. */
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Test
    void contractIsAValidOpenApiDocument() throws IOException {
        String spec;
        try (InputStream in = getClass().getResourceAsStream("/openapi/supplier-api.yaml")) {
            spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);

        SwaggerParseResult result = new OpenAPIV3Parser().readContents(spec, null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getPaths()).containsKey("/orders");
        assertThat(result.getOpenAPI().getComponents().getSecuritySchemes().get("supplierOAuth")
                .getFlows().getClientCredentials().getTokenUrl()).isNotBlank();
    }

    static Stream<Arguments> translatedOrders() {
        Registry registry = new Registry(List.of(new Municipality("1480", "Göteborg", true, List.of(
                new CustomerNumber("K-1480-01", "Hemtjänst Centrum (fiktiv)", List.of("B-1480-01"),
                        BufferStore.at(new Address("Bufferförrådet", "Lagergatan 3", "41103", "Göteborg")))))),
                List.of(), List.of(), List.of());
        return Stream.of(
                Arguments.of("unprotected, home, guardian, private contractor",
                        order(IdentityProtection.NONE, DeliveryTarget.RECIPIENT, "5560000001"), registry),
                Arguments.of("protected, buffer store",
                        order(IdentityProtection.SKYDDAD_FOLKBOKFORING, DeliveryTarget.BUFFER_STORE, null), registry));
    }

    private static OrderMessage order(IdentityProtection protection, DeliveryTarget target, String contractor) {
        return new OrderMessage(MessageType.ORDER, "msg-1", "1480", OffsetDateTime.parse("2026-11-23T10:15:00+01:00"),
                new Orderer("ord-7", "Olga Orderer", "ARBETSTERAPEUT", "031-2222222", contractor),
                "K-1480-01", "B-1480-01",
                new Decision("BESLUT-2026-17", OrderProcess.AUTHORITY, LocalDate.parse("2026-11-20")),
                new Recipient("19121212-1212", "Tolvan Tolvansson", protection, new Guardian("Gudrun Godman", "070-1")),
                new Delivery(target, new Address(null, "Hemvägen 1", "41101", "Göteborg"),
                        new Contact("Kim Kontakt", "031-3333333")),
                true, true, List.of(new OrderLine("ART-1001", 2)), "Ring innan leverans");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("translatedOrders")
    void translatedOrderFollowsTheContract(String description, OrderMessage order, Registry registry) {
        var supplierOrder = new SupplierOrderTranslator().toSupplierOrder(order, HUB_REFERENCE, registry);

        assertThat(schema.violations(json.valueToTree(supplierOrder), "SupplierOrder")).isEmpty();
    }

    @Test
    void aBufferWithdrawalsRegistrationAndRefillFollowTheContract() {
        Registry registry = (Registry) translatedOrders().findFirst().orElseThrow().get()[2];
        OrderMessage base = order(IdentityProtection.NONE, DeliveryTarget.BUFFER_STORE, null);
        var withdrawal = new BufferWithdrawalMessage(MessageType.BUFFER_WITHDRAWAL, "bw-1", "1480", base.sentAt(),
                base.orderer(), "K-1480-01", "B-1480-01", "IND-77000001", "ART-1001", base.recipient(), base.decision(),
                true, true, base.sentAt().minusHours(1));
        var translator = new SupplierOrderTranslator();

        var registration = translator.toSupplierOrder(BufferStoreOrders.registration(withdrawal), HUB_REFERENCE,
                registry).asHandOutOf(withdrawal.deviceId());
        var refill = translator.toSupplierOrder(BufferStoreOrders.refill(withdrawal),
                BufferStoreOrders.refillReference(HUB_REFERENCE), registry);

        assertThat(schema.violations(json.valueToTree(registration), "SupplierOrder")).isEmpty();
        assertThat(schema.violations(json.valueToTree(refill), "SupplierOrder")).isEmpty();
        assertThat(schema.violations(((ObjectNode) json.valueToTree(registration)).put("deviceId", ""), "SupplierOrder"))
                .isNotEmpty();
    }

    @Test
    void eventsAndProblemsFollowTheContract() {
        SupplierEvent delivered = new SupplierEvent("evt-1", HUB_REFERENCE, "SO-00000001",
                SupplierEventType.ORDER_STATUS, SupplierOrderStatus.DELIVERED, List.of("IND-12345678"), null,
                LocalDate.parse("2026-11-25"), OffsetDateTime.parse("2026-11-24T09:00:00+01:00"));

        assertThat(schema.violations(json.valueToTree(delivered), "SupplierEvent")).isEmpty();
        assertThat(schema.violations(json.valueToTree(new SupplierProblem("UNKNOWN_ARTICLE", "x", List.of("A"))),
                "SupplierProblem")).isEmpty();
    }

    static Stream<Arguments> brokenOrders() {
        return Stream.of(
                broken("/orderId: required", order -> order.remove("orderId")),
                broken("/orderId: format", order -> order.put("orderId", "not-a-uuid")),
                broken("/municipalityCode: pattern", order -> order.put("municipalityCode", "14800")),
                broken("/process: enum", order -> order.put("process", "OTHER")),
                broken("/lines: minItems", order -> order.putArray("lines")),
                broken("/lines/0/quantity: minimum", order -> ((ObjectNode) order.withArray("lines").get(0)).put("quantity", 0)),
                broken("/recipient/personalIdentityNumber: pattern",
                        order -> order.withObject("recipient").put("personalIdentityNumber", "1912121212XX")),
                broken("/surprise: additionalProperties", order -> order.put("surprise", true)));
    }

    private static Arguments broken(String expected, Consumer<ObjectNode> breakage) {
        return Arguments.of(expected, breakage);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenOrders")
    void namesThePlaceAndRuleOfAViolationButNotTheValue(String expected, Consumer<ObjectNode> breakage) {
        ObjectNode order = json.valueToTree(SupplierOrders.anOrder().build());
        breakage.accept(order);

        List<String> violations = schema.violations(order, "SupplierOrder");

        assertThat(violations).contains(expected);
        assertThat(String.join(" ", violations)).doesNotContain("1912121212XX", "14800");
    }
}
