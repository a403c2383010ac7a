package se.hjalpmedelsnav.hub.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import se.hjalpmedelsnav.hub.console.MessageJourney;
import se.hjalpmedelsnav.hub.console.MessageJourney.Step;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;
import se.hjalpmedelsnav.hub.support.TestOrders;
import se.hjalpmedelsnav.mappings.peppol.PeppolOrderWriter;
import se.hjalpmedelsnav.mappings.peppol.PeppolRules;
import se.hjalpmedelsnav.simulator.SimulatedSupplier;

/**
 * Orders, returns and fault reports end to end through the broker and the supplier file drop: out as
 * files the simulated supplier picks up, back as its status files, on the municipality's {@code .out}.
 * Each subclass runs one hub (one Spring context) with every type's channel set to FILE_DROP.
 */
@Tag(HubTest.STARTS_A_HUB)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FileDropFlowContract {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    CamelContext camel;

    @Autowired
    SimulatedSupplier supplier;

    @Autowired
    MessageJourney journeys;

    KommunAmqpClient goteborg;
    KommunAmqpClient alingsas;

    abstract int brokerPort();

    abstract int httpPort();

    /** The file drop's root as this machine sees it (the simulator's folder). */
    abstract Path dropRoot();

    /** The properties every file-drop hub of these tests shares. */
    static void fileDropHub(org.springframework.test.context.DynamicPropertyRegistry registry, Path dataDir) {
        registry.add("nav.supplier.channel.order", () -> "FILE_DROP");
        registry.add("nav.supplier.channel.return", () -> "FILE_DROP");
        registry.add("nav.supplier.channel.fault-report", () -> "FILE_DROP");
        registry.add("nav.filedrop.poll-delay", () -> "200ms");
        registry.add("nav.filedrop.read-lock-check-interval", () -> "100ms");
        registry.add("nav.simulator.file-drop.enabled", () -> "true");
        registry.add("nav.simulator.file-drop.directory", () -> dataDir.resolve("filedrop").toString());
        registry.add("nav.simulator.file-drop.poll-interval", () -> "100ms");
    }

    @BeforeAll
    void connect() throws Exception {
        goteborg = new KommunAmqpClient(brokerPort(), "1480");
        alingsas = new KommunAmqpClient(brokerPort(), "1489");
    }

    @AfterAll
    void disconnect() throws Exception {
        goteborg.close();
        alingsas.close();
    }

    @Test
    void startsTheFileDropRouteOfEachTypeAndNotItsApiRoute() {
        assertThat(camel.getRoute("supplier-filedrop-order-deliver")).isNotNull();
        assertThat(camel.getRoute("supplier-filedrop-return-deliver")).isNotNull();
        assertThat(camel.getRoute("supplier-filedrop-fault-report-deliver")).isNotNull();
        assertThat(camel.getRoute("supplier-filedrop-status")).isNotNull();
        assertThat(camel.getRoute("supplier-api-order-deliver")).isNull();
        assertThat(camel.getRoute("supplier-api-return-deliver")).isNull();
        assertThat(camel.getRoute("supplier-api-fault-report-deliver")).isNull();
    }

    @Test
    void sendsAnOrderAsAPeppolOrderAndReportsItConfirmedAndDelivered() throws Exception {
        String messageId = TestOrders.newMessageId();

        goteborg.send(TestOrders.validOrder(messageId));

        JsonNode receipt = goteborg.receipt(messageId);
        assertThat(receipt.path("status").asText()).as(receipt.toString()).isEqualTo("ACCEPTED");
        String hubReference = receipt.path("hubReference").asText();
        JsonNode confirmed = goteborg.orderStatus(messageId, "CONFIRMED");
        assertThat(confirmed.path("hubReference").asText()).isEqualTo(hubReference);
        assertThat(confirmed.path("supplierOrderId").asText()).startsWith("SO-");
        JsonNode delivered = goteborg.orderStatus(messageId, "DELIVERED");
        assertThat(delivered.path("deviceIds")).hasSize(2);

        String order = takenBySupplier("order-" + hubReference + ".xml");
        assertThat(PeppolRules.findings(order, PeppolRules.ORDER)).isEmpty();
        // The user travels as the lines' end-user item property, in the 12-digit form only; the unit takes delivery.
        assertWrittenWithoutPrinting(order, java.util.List.of("<cbc:ID>" + hubReference + "</cbc:ID>", "BESLUT-2026-1001",
                "<cbc:Name>" + PeppolOrderWriter.END_USER_IDENTITY + "</cbc:Name>"),
                java.util.List.of("Tolvan", "19121212-1212"));
        assertThat(simulatorAdmin("orders/" + hubReference).path("receivedCount").asInt()).isEqualTo(1);
        assertThat(folder("outbox")).doesNotContain("order-" + hubReference + ".xml");
        // Journey: the hand-off is recorded with its channel, in order before the supplier's events.
        assertThat(journeys.of(hubReference).orElseThrow().steps()).extracting(Step::step, Step::detail)
                .containsExactly(tuple("RECEIVED", "ORDER"), tuple("RECEIPT", "ACCEPTED"),
                        tuple("HANDED_TO_SUPPLIER", "FILE_DROP"), tuple("SUPPLIER_EVENT", "CONFIRMED"),
                        tuple("SUPPLIER_EVENT", "DELIVERED"));
    }

    @Test
    void registersEachDeliveredDeviceOnTheUserItWasOrderedFor() throws Exception {
        // Two fictional users (valid check digits), one of them with protected identity, ordered for at once.
        String tolvan = "19121212-1212";
        String other = "19401010-1014";
        String first = TestOrders.newMessageId();
        String second = TestOrders.newMessageId();
        ObjectNode secondOrder = TestOrders.validOrder(second);
        ((ObjectNode) secondOrder.path("recipient")).put("personalIdentityNumber", other)
                .put("protection", "SEKRETESSMARKERING");

        goteborg.send(TestOrders.validOrder(first));
        goteborg.send(secondOrder);

        JsonNode firstDelivered = goteborg.orderStatus(first, "DELIVERED");
        JsonNode secondDelivered = goteborg.orderStatus(second, "DELIVERED");
        assertRegisteredOn(firstDelivered.path("deviceIds"), tolvan);
        assertRegisteredOn(secondDelivered.path("deviceIds"), other);
        String protectedOrder = takenBySupplier("order-" + secondDelivered.path("hubReference").asText() + ".xml");
        assertThat(PeppolRules.findings(protectedOrder, PeppolRules.ORDER)).isEmpty();
    }

    @Test
    void sendsABufferWithdrawalsRegistrationAndRefillAsPeppolOrdersAndReportsBoth() throws Exception {
        String messageId = TestOrders.newMessageId();
        String deviceId = "IND-BW-" + java.util.UUID.randomUUID().toString().substring(0, 8);

        goteborg.send(TestOrders.bufferWithdrawal(messageId, deviceId, "BESLUT-BW-" + java.util.UUID.randomUUID()));

        JsonNode receipt = goteborg.receipt(messageId);
        assertThat(receipt.path("status").asText()).as(receipt.toString()).isEqualTo("ACCEPTED");
        String registration = receipt.path("hubReference").asText();
        String refill = receipt.path("refillReference").asText();
        // The registration: the supplier's DespatchAdvice names the device handed out, registered on the user.
        JsonNode handedOut = goteborg.orderStatus(messageId, "DELIVERED");
        assertThat(handedOut.path("deviceIds")).extracting(JsonNode::asText).containsExactly(deviceId);
        assertThat(supplier.holderOf(deviceId).map("191212121212"::equals).orElse(false))
                .as("the device handed out is registered on the user it was handed to").isTrue();
        String registrationFile = takenBySupplier("order-" + registration + ".xml");
        assertThat(PeppolRules.findings(registrationFile, PeppolRules.ORDER)).isEmpty();
        assertWrittenWithoutPrinting(registrationFile.replaceAll(">\\s+<", "><"), List.of(
                "<cbc:Name>" + PeppolOrderWriter.HAND_OUT_FROM_STOCK + "</cbc:Name><cbc:Value>true</cbc:Value>",
                "<cbc:Value>" + deviceId + "</cbc:Value>",
                "<cbc:Name>" + PeppolOrderWriter.END_USER_IDENTITY + "</cbc:Name>"), List.of("Tolvan", "19121212-1212"));
        // The refill: its own Order to the store, confirmed and delivered under the reference the receipt named.
        JsonNode refillDelivered = goteborg.awaitMessage("refill/" + messageId,
                m -> "DELIVERED".equals(m.path("status").asText()));
        assertThat(refillDelivered.path("hubReference").asText()).isEqualTo(refill);
        String refillFile = takenBySupplier("order-" + refill + ".xml");
        assertThat(PeppolRules.findings(refillFile, PeppolRules.ORDER)).isEmpty();
        assertThat(refillFile).contains("Förrådsvägen 80").doesNotContain(PeppolOrderWriter.HAND_OUT_FROM_STOCK,
                PeppolOrderWriter.END_USER_IDENTITY);
        assertThat(simulatorAdmin("orders/" + registration).path("receivedCount").asInt()).isEqualTo(1);
        assertThat(simulatorAdmin("orders/" + refill).path("receivedCount").asInt()).isEqualTo(1);
    }

    /** Each device is registered on that user; a failure names the device, never the number. */
    void assertRegisteredOn(JsonNode deviceIds, String personalIdentityNumber) {
        String twelveDigits = personalIdentityNumber.replace("-", "");
        assertThat(deviceIds).hasSize(2);
        for (JsonNode deviceId : deviceIds) {
            boolean registered = supplier.holderOf(deviceId.asText()).map(twelveDigits::equals).orElse(false);
            assertThat(registered).as("device %s is registered on the user it was ordered for", deviceId.asText())
                    .isTrue();
        }
    }

    @Test
    void sendsAReturnAndReportsThePickupRegisteredAndDone() throws Exception {
        String messageId = TestOrders.newMessageId();

        alingsas.send(returnOf(messageId, "IND-11111111", "IND-22222222"));

        JsonNode receipt = alingsas.receipt(messageId);
        assertThat(receipt.path("status").asText()).as(receipt.toString()).isEqualTo("ACCEPTED");
        String hubReference = receipt.path("hubReference").asText();
        alingsas.awaitMessage(messageId, m -> "RETURN_STATUS".equals(m.path("type").asText())
                && "RECEIVED".equals(m.path("status").asText()));
        JsonNode pickedUp = alingsas.awaitMessage(messageId, m -> "PICKED_UP".equals(m.path("status").asText()));
        assertThat(pickedUp.path("hubReference").asText()).isEqualTo(hubReference);

        String written = takenBySupplier("return-" + hubReference + ".xml");
        assertThat(written).contains("<deviceId>IND-11111111</deviceId>", "<deviceId>IND-22222222</deviceId>");
        JsonNode atSupplier = simulatorAdmin("returns/" + hubReference);
        assertThat(atSupplier.path("receivedCount").asInt()).isEqualTo(1);
    }

    @Test
    void sendsAFaultReportAndReportsItReceivedInProgressAndResolved() throws Exception {
        String messageId = TestOrders.newMessageId();

        alingsas.send(faultReport(messageId));

        JsonNode receipt = alingsas.receipt(messageId);
        assertThat(receipt.path("status").asText()).as(receipt.toString()).isEqualTo("ACCEPTED");
        String hubReference = receipt.path("hubReference").asText();
        for (String status : List.of("RECEIVED", "IN_PROGRESS", "RESOLVED")) {
            alingsas.awaitMessage(messageId, m -> "FAULT_REPORT_STATUS".equals(m.path("type").asText())
                    && status.equals(m.path("status").asText()));
        }
        assertThat(takenBySupplier("fault-report-" + hubReference + ".xml"))
                .contains("<injuryOrRisk>true</injuryOrRisk>", "<outOfService>false</outOfService>");
        assertThat(simulatorAdmin("fault-reports/" + hubReference).path("receivedCount").asInt()).isEqualTo(1);
    }

    static ObjectNode returnOf(String messageId, String... deviceIds) {
        ObjectNode message = base("RETURN", messageId);
        var ids = message.putArray("deviceIds");
        for (String id : deviceIds) {
            ids.add(id);
        }
        message.put("reason", "NEED_ENDED");
        ObjectNode pickup = message.putObject("pickup");
        pickup.putObject("address").put("street", "Hemgatan 3").put("postalCode", "441 30").put("city", "Alingsås");
        pickup.putObject("contact").put("name", "Tolvan Tolvansson").put("phone", "0322-123 45");
        return message;
    }

    static ObjectNode faultReport(String messageId) {
        return TestOrders.alingsasFaultReport(messageId, "HMN-30002", true);
    }

    private static ObjectNode base(String type, String messageId) {
        return TestOrders.alingsasMessage(type, messageId);
    }

    /**
     * Checks the text holds each of {@code present} and none of {@code absent} without printing it on failure: it
     * holds a (fictional) personal identity number. A failure names the needles, which hold none.
     */
    static void assertWrittenWithoutPrinting(String text, java.util.List<String> present, java.util.List<String> absent) {
        java.util.List<String> missing = present.stream().filter(needle -> !text.contains(needle)).toList();
        java.util.List<String> unwanted = absent.stream().filter(text::contains).toList();
        assertThat(missing).as("missing from the written document").isEmpty();
        assertThat(unwanted.size()).as("values the written document must not hold").isZero();
    }

    /** The file as the simulated supplier picked it up from the outbox. */
    String takenBySupplier(String name) {
        Path file = dropRoot().resolve("supplier-taken").resolve(name);
        await("the supplier to pick up " + name).atMost(Duration.ofSeconds(30)).until(() -> Files.exists(file));
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> folder(String name) {
        Path folder = dropRoot().resolve(name);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode simulatorAdmin(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + httpPort() + "/simulator/admin/" + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** POSTs JSON to the simulator's admin API and answers the 201's body. */
    JsonNode simulatorAdminPost(String path, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + httpPort() + "/simulator/admin/" + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    /** Writes a status file into the inbox as the supplier would: complete, under its final name at once. */
    void dropStatusFile(String name, String content) {
        try {
            Path inbox = dropRoot().resolve("inbox");
            Files.createDirectories(inbox);
            Path temporary = Files.writeString(inbox.resolve("." + name + ".tmp"), content, StandardCharsets.UTF_8);
            Files.move(temporary, inbox.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
