package se.hjalpmedelsnav.hub.filedrop;

import se.hjalpmedelsnav.mappings.peppol.PeppolOrderWriter;
import se.hjalpmedelsnav.mappings.peppol.PeppolRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.UUID;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.mappings.assortment.Catalogues;
import se.hjalpmedelsnav.hub.supplier.filedrop.OrderAgreementFiles;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.hub.support.TestOrders;

/** The file drop on a local folder, as the embedded default runs it. */
// Its own hub, closed after the class: a cached one would keep a second broker and its pollers busy.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = se.hjalpmedelsnav.hub.HubApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class LocalFileDropFlowTest extends FileDropFlowContract {

    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;

    static final int HTTP_PORT = HubTest.freePort();
    static final int BROKER_PORT = HubTest.freePort();
    static final Path DATA_DIR = HubTest.newDataDir();

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        HubTest.embeddedHub(registry, HTTP_PORT, BROKER_PORT, DATA_DIR);
        fileDropHub(registry, DATA_DIR);
        // Another in-VM acceptor than the shared embedded hub's vm://0, in case both run in one JVM.
        registry.add("nav.broker.url", () -> "vm://21");
        registry.add("nav.filedrop.mode", () -> "LOCAL");
        registry.add("nav.filedrop.directory", () -> DATA_DIR.resolve("filedrop").toString());
    }

    @Override
    int brokerPort() {
        return BROKER_PORT;
    }

    @Override
    int httpPort() {
        return HTTP_PORT;
    }

    @Override
    Path dropRoot() {
        return DATA_DIR.resolve("filedrop");
    }

    @Test
    void reportsTheSuppliersOrderResponseRejectionAsRejectedBySupplierWithItsReason() throws Exception {
        String messageId = TestOrders.newMessageId();
        ObjectNode order = TestOrders.validOrder(messageId);
        ((ObjectNode) order.path("lines").get(0)).put("articleNumber", "HMN-50002");

        goteborg.send(order);

        assertThat(goteborg.receipt(messageId).path("status").asText()).isEqualTo("ACCEPTED");
        JsonNode rejected = goteborg.orderStatus(messageId, "REJECTED_BY_SUPPLIER");
        assertThat(rejected.path("errors").get(0).path("code").asText()).isEqualTo("SUPPLIER_REJECTED");
        // The supplier's code in the hub's words: never the article number sent.
        assertThat(rejected.path("errors").get(0).path("message").asText()).startsWith("UNKNOWN_ARTICLE: ")
                .doesNotContain("HMN-50002");
        String hubReference = rejected.path("hubReference").asText();
        assertThat(PeppolRules.findings(takenBySupplier("order-" + hubReference + ".xml"), PeppolRules.ORDER)).isEmpty();
    }

    @Test
    void writesNoNameOrPhoneOfAProtectedUsersCaseIntoThePeppolOrder() throws Exception {
        String messageId = TestOrders.newMessageId();
        ObjectNode order = TestOrders.validOrder(messageId);
        ((ObjectNode) order.path("recipient")).put("protection", "SKYDDAD_FOLKBOKFORING");

        goteborg.send(order);

        String hubReference = goteborg.receipt(messageId).path("hubReference").asText();
        goteborg.orderStatus(messageId, "CONFIRMED");
        String written = takenBySupplier("order-" + hubReference + ".xml");
        assertThat(PeppolRules.findings(written, PeppolRules.ORDER)).isEmpty();
        // Only what the supplier needs: the number in its 12-digit form (on each line) and the flag; no name or phone.
        assertWrittenWithoutPrinting(written, java.util.List.of("<cbc:Name>" + PeppolOrderWriter.END_USER_PROTECTED
                + "</cbc:Name>"), java.util.List.of("Tolvan", "031-123 45 67", "19121212-1212"));
    }

    @Test
    void reportsAReturnOfADeviceTheSupplierDoesNotKnowAsRejectedBySupplier() throws Exception {
        String messageId = TestOrders.newMessageId();

        alingsas.send(returnOf(messageId, "IND-00000000"));

        JsonNode rejected = alingsas.awaitMessage(messageId, m -> "RETURN_STATUS".equals(m.path("type").asText())
                && "REJECTED_BY_SUPPLIER".equals(m.path("status").asText()));
        assertThat(rejected.path("errors").get(0).path("code").asText()).isEqualTo("SUPPLIER_REJECTED");
        assertThat(rejected.path("errors").get(0).path("message").asText()).contains("UNKNOWN_DEVICE")
                .doesNotContain("IND-00000000");
    }

    @Test
    void movesAMalformedStatusFileToTheErrorFolderWithItsReasonBeside() {
        String secret = "19121212-1212";
        dropStatusFile("broken-status.xml", """
                <returnStatus xmlns="urn:hjalpmedelsnav:supplier-filedrop:1">
                  <returnId>%s</returnId>
                  <occurredAt>2026-11-23T10:15:00+01:00</occurredAt>
                </returnStatus>""".formatted(secret));

        Path error = dropRoot().resolve("error");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(error.resolve("broken-status.xml.reason.txt"))
                && Files.exists(error.resolve("broken-status.xml")));
        assertThat(error.resolve("broken-status.xml.reason.txt")).content()
                .contains("line 2").doesNotContain(secret);
        assertThat(error.resolve("broken-status.xml")).content().contains(secret);
        assertThat(folder("inbox")).doesNotContain("broken-status.xml");
    }

    @Test
    void parksAStatusFileForAMessageTheHubNeverSent() throws Exception {
        String unknown = UUID.randomUUID().toString();

        dropStatusFile("return-status-unknown.xml", """
                <returnStatus xmlns="urn:hjalpmedelsnav:supplier-filedrop:1">
                  <returnId>%s</returnId>
                  <status>RECEIVED</status>
                  <occurredAt>2026-11-23T10:15:00+01:00</occurredAt>
                </returnStatus>""".formatted(unknown));

        Message parked = await().atMost(Duration.ofSeconds(30)).until(() -> parkedEventFor(unknown), m -> m != null);
        assertThat(parked.getStringProperty("navFailureReason")).contains(unknown);
        await().atMost(Duration.ofSeconds(30)).until(() -> folder("processed").contains("return-status-unknown.xml"));
    }

    @Test
    void aCatalogueInTheInboxChangesWhatCanBeOrderedAndARefusedOneChangesNothing() throws Exception {
        int versions = suppliersStartCatalogueApplied();
        String before = TestOrders.newMessageId();
        goteborg.send(orderOf(before, "HMN-10002"));
        assertThat(goteborg.receipt(before).path("status").asText()).isEqualTo("ACCEPTED");

        // Update: withdraw one article of the seed, add a new one (product area and medical-device flag as agreed).
        dropStatusFile("catalogue-update.xml", Catalogues.catalogue("CAT-TEST-1", "Update",
                Catalogues.line("1", "Delete", "HMN-10002", "Tidshjälpmedel", null, null),
                Catalogues.line("2", "Add", "HMN-90001", "Ny planerare (fiktiv)", true, null,
                        "ProductArea=KOGNITION", "ISO9999=22 27 15", "MedicalDevice=false")));
        await().atMost(Duration.ofSeconds(30)).until(() -> folder("processed").contains("catalogue-update.xml"));

        String withdrawn = TestOrders.newMessageId();
        goteborg.send(orderOf(withdrawn, "HMN-10002"));
        JsonNode refused = goteborg.receipt(withdrawn);
        assertThat(refused.path("status").asText()).isEqualTo("REJECTED");
        assertThat(refused.path("errors").get(0).path("code").asText()).isEqualTo("ARTICLE_NOT_ORDERABLE");
        String added = TestOrders.newMessageId();
        goteborg.send(orderOf(added, "HMN-90001"));
        assertThat(goteborg.receipt(added).path("status").asText()).as("receipt").isEqualTo("ACCEPTED");

        // Adding the same article again breaks the rules: refused whole, the good line with it.
        dropStatusFile("catalogue-broken.xml", Catalogues.catalogue("CAT-TEST-2", "Update",
                Catalogues.line("1", "Update", "HMN-90001", "Omdöpt", false, null),
                Catalogues.line("2", "Add", "HMN-90001", "Igen", true, null, "ProductArea=KOGNITION",
                        "MedicalDevice=false")));
        assertThat(reasonBeside("catalogue-broken.xml")).contains("DUPLICATE_ARTICLE", "line 2")
                .doesNotContain("HMN-90001");
        String still = TestOrders.newMessageId();
        goteborg.send(orderOf(still, "HMN-90001"));
        assertThat(goteborg.receipt(still).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(assortmentVersions()).isEqualTo(versions + 1);

        // The simulated supplier publishes its own: an article added by its catalogue can be ordered.
        String catalogueId = simulatorAdminPost("catalogues", """
                {"headerAction":"Update","lineAction":"Add","articles":[{"articleNumber":"HMN-90002",
                 "name":"Simulatorns planerare (fiktiv)","productArea":"KOGNITION","medicalDevice":false}]}""")
                .path("catalogueId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> folder("processed").stream()
                .anyMatch(name -> name.startsWith("catalogue-" + catalogueId)));
        String published = TestOrders.newMessageId();
        goteborg.send(orderOf(published, "HMN-90002"));
        assertThat(goteborg.receipt(published).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(assortmentVersions()).isEqualTo(versions + 2);
    }

    /**
     * The simulated supplier publishes its whole assortment at start (the demo registry's); once the hub has applied
     * it, the number of versions, which this test's catalogues count on.
     */
    private int suppliersStartCatalogueApplied() {
        await().atMost(Duration.ofSeconds(60)).until(() -> new org.springframework.jdbc.core.JdbcTemplate(dataSource)
                .queryForObject("select count(*) from assortment_version where header_action = 'REPLACE'",
                        Integer.class), count -> count > 0);
        return assortmentVersions();
    }

    @Test
    void takesACataloguePushedOverTheApiOnTheSamePathAndAnswersWithAStableCode() throws Exception {
        suppliersStartCatalogueApplied();
        String adding = Catalogues.catalogue("CAT-API-1", "Update", Catalogues.line("1", "Add", "HMN-90003",
                "Planerare via API (fiktiv)", true, null, "ISO9999=22 27 15"));

        assertThat(pushCatalogue(adding, null).statusCode()).as("without the supplier's login").isEqualTo(401);
        HttpResponse<String> applied = pushCatalogue(adding, "supplier:supplier-dev");
        assertThat(applied.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(applied.body()).path("status").asText()).isEqualTo("APPLIED");
        assertThat(JSON.readTree(applied.body()).path("added").asInt()).isEqualTo(1);
        // Placed by the registry's mapping of its ISO 9999 code: KOGNITION, which Göteborg's orderer may order.
        String order = TestOrders.newMessageId();
        goteborg.send(orderOf(order, "HMN-90003"));
        assertThat(goteborg.receipt(order).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(JSON.readTree(pushCatalogue(adding, "supplier:supplier-dev").body()).path("status").asText())
                .isEqualTo("ALREADY_APPLIED");

        String assortmentBefore = assortment();
        HttpResponse<String> unknown = pushCatalogue(Catalogues.catalogue("CAT-API-2", "Update",
                Catalogues.line("1", "Delete", "HMN-99999", "Okänd", null, null)), "supplier:supplier-dev");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(unknown.body()).path("code").asText()).isEqualTo("ARTICLE_NOT_IN_ASSORTMENT");
        assertThat(unknown.body()).doesNotContain("HMN-99999");
        HttpResponse<String> xxe = pushCatalogue("<?xml version=\"1.0\"?><!DOCTYPE Catalogue [<!ENTITY x SYSTEM "
                + "\"file:///etc/hostname\">]><Catalogue xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Catalogue-2\">"
                + "&x;</Catalogue>", "supplier:supplier-dev");
        assertThat(xxe.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(xxe.body()).path("code").asText()).isEqualTo("NOT_WELL_FORMED");
        assertThat(xxe.body()).doesNotContain(Files.exists(Path.of("/etc/hostname"))
                ? Files.readString(Path.of("/etc/hostname")).trim() : "\u0000");
        // Streamed (no Content-Length): the hub reads 8 MiB and a byte, no further, and Tomcat swallows the rest.
        byte[] overLimit = ("<Catalogue>" + "x".repeat(8 * 1024 * 1024 + 512 * 1024) + "</Catalogue>")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> huge = pushCatalogue(HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(overLimit)), "supplier:supplier-dev");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(huge.body()).path("code").asText()).isEqualTo("FILE_TOO_LARGE");
        assertThat(assortment()).as("the assortment after the refused ones").isEqualTo(assortmentBefore);
    }

    private HttpResponse<String> pushCatalogue(String xml, String login) throws Exception {
        return pushCatalogue(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8), login);
    }

    private HttpResponse<String> pushCatalogue(HttpRequest.BodyPublisher body, String login) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP_PORT
                + "/api/supplier/catalogues")).header("Content-Type", "application/xml").POST(body);
        if (login != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    login.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refusesHostileCataloguesWithoutTouchingTheAssortment() throws Exception {
        suppliersStartCatalogueApplied();
        String assortmentBefore = assortment();
        String catalogueRoot = "<Catalogue xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Catalogue-2\">%s</Catalogue>";
        dropStatusFile("catalogue-xxe.xml", "<?xml version=\"1.0\"?><!DOCTYPE Catalogue [<!ENTITY x SYSTEM "
                + "\"file:///etc/hostname\">]>" + catalogueRoot.formatted("&x;"));
        dropStatusFile("catalogue-huge.xml", catalogueRoot.formatted("<!--" + "x".repeat(9 * 1024 * 1024) + "-->"));
        dropStatusFile("catalogue-wrong-root.xml", "<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\""
                + " xmlns:c=\"urn:oasis:names:specification:ubl:schema:xsd:Catalogue-2\"/>");
        dropStatusFile("catalogue-not-peppol.xml", catalogueRoot.formatted(""));

        assertThat(reasonBeside("catalogue-xxe.xml")).contains("NOT_WELL_FORMED");
        assertThat(reasonBeside("catalogue-huge.xml")).contains("FILE_TOO_LARGE");
        assertThat(reasonBeside("catalogue-wrong-root.xml")).contains("NOT_A_CATALOGUE");
        assertThat(reasonBeside("catalogue-not-peppol.xml")).contains("PEPPOL_RULES_BROKEN");
        assertThat(reasonBeside("catalogue-xxe.xml")).doesNotContain(Files.exists(Path.of("/etc/hostname"))
                ? Files.readString(Path.of("/etc/hostname")).trim() : "\u0000");
        assertThat(reasonBeside("catalogue-huge.xml")).doesNotContain("xxxx");
        assertThat(assortment()).as("the assortment and its versions").isEqualTo(assortmentBefore);
        String order = TestOrders.newMessageId();
        goteborg.send(orderOf(order, "HMN-10001"));
        assertThat(goteborg.receipt(order).path("status").asText()).isEqualTo("ACCEPTED");
    }

    private static ObjectNode orderOf(String messageId, String articleNumber) {
        ObjectNode order = TestOrders.validOrder(messageId);
        ((ObjectNode) order.path("lines").get(0)).put("articleNumber", articleNumber);
        return order;
    }

    /** The assortment's versions and articles in force, as one text to compare. */
    private String assortment() {
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        return jdbc.queryForList("select version, file_name from assortment_version order by version") + " "
                + jdbc.queryForList("select article_number, orderable from assortment_article order by article_number");
    }

    private int assortmentVersions() {
        return new org.springframework.jdbc.core.JdbcTemplate(dataSource)
                .queryForObject("select count(*) from assortment_version", Integer.class);
    }

    /** The simulated supplier takes an order by phone on these numbers and drops its Order Agreement; its ID. */
    String orderTakenByPhone(String customerNumber, String payerNumber) throws Exception {
        return simulatorAdminPost("order-agreements", """
                {"customerNumber":"%s","payerNumber":"%s","lines":[{"articleNumber":"HMN-10001","quantity":1}]}"""
                .formatted(customerNumber, payerNumber)).path("agreementId").asText();
    }

    @Test
    void tellsTheMunicipalityOfAnOrderTheSupplierTookByPhoneOnceAndItsDeliveryAfter() throws Exception {
        String agreementId = orderTakenByPhone("KN-1480-001", "BN-1480-01");
        String correlation = OrderAgreementFiles.MESSAGE_ID_PREFIX + agreementId;

        JsonNode registered = goteborg.awaitMessage(correlation, m -> "ORDER_STATUS".equals(m.path("type").asText())
                && "REGISTERED_BY_SUPPLIER".equals(m.path("status").asText()));
        assertThat(registered.path("hubReference").asText()).isEqualTo(agreementId);
        assertThat(registered.path("inReplyTo").asText()).isEqualTo(correlation);
        assertThat(registered.path("supplierOrderId").asText()).startsWith("SO-P");

        // The same agreement again, under another name: read, and applied once.
        String file = await().atMost(Duration.ofSeconds(30)).until(() -> folder("processed").stream()
                .filter(name -> name.startsWith("order-agreement-" + agreementId)).findFirst().orElse(null),
                name -> name != null);
        dropStatusFile("again-" + file, Files.readString(dropRoot().resolve("processed").resolve(file)));
        await().atMost(Duration.ofSeconds(30)).until(() -> folder("processed").contains("again-" + file));
        // Later events follow as for any order, under the agreement's ID; the events of one order keep their order,
        // so a second REGISTERED_BY_SUPPLIER would have come before this.
        dropStatusFile("despatch-" + agreementId + ".xml", DESPATCH_ADVICE.formatted(agreementId));
        JsonNode delivered = goteborg.orderStatus(correlation, "DELIVERED");
        assertThat(delivered.path("hubReference").asText()).isEqualTo(agreementId);
        assertThat(delivered.path("deviceIds").get(0).asText()).isEqualTo("IND-70000001");
        assertThat(goteborg.receivedFor(correlation)).filteredOn(m -> "REGISTERED_BY_SUPPLIER".equals(
                m.path("status").asText())).hasSize(1);
        assertThat(folder("error")).noneMatch(name -> name.contains(agreementId));

        // The loan register lends the delivered device on the agreement, with its agreed article: no decision, no user.
        String question = "loans-" + agreementId;
        goteborg.send("""
                {"type":"LOANS_REQUEST","messageId":"%s","kommunCode":"1480","sentAt":"2026-11-24T09:00:00+01:00",
                 "orderer":{"id":"at-4711","name":"Anna","role":"ARBETSTERAPEUT"},"deviceId":"IND-70000001"}"""
                .formatted(question));
        JsonNode loans = goteborg.awaitMessage(question, m -> "LOANS".equals(m.path("type").asText()));
        assertThat(loans.path("loans")).filteredOn(loan -> agreementId.equals(loan.path("hubReference").asText()))
                .singleElement().satisfies(loan -> {
                    assertThat(loan.path("articleNumber").asText()).isEqualTo("HMN-10001");
                    assertThat(loan.path("customerNumber").asText()).isEqualTo("KN-1480-001");
                    assertThat(loan.path("state").asText()).isEqualTo("LENT");
                    assertThat(loan.has("decisionReference")).isFalse();
                });
    }

    @Test
    void refusesAnAgreementOnACustomerNumberNoPartyHasToTheErrorFolderWithItsReason() throws Exception {
        String agreementId = orderTakenByPhone("KN-9999-001", "BN-1480-01");

        String reason = reasonBeside("order-agreement-" + agreementId);
        assertThat(reason).contains("CUSTOMER_NUMBER_UNKNOWN").doesNotContain("KN-9999-001");
    }

    @Test
    void refusesAnAgreementWhosePayerNumberIsNotLinkedToTheErrorFolderWithItsReason() throws Exception {
        // Alingsås' payer number on a Göteborg customer number.
        String agreementId = orderTakenByPhone("KN-1480-001", "BN-1489-01");

        String reason = reasonBeside("order-agreement-" + agreementId);
        assertThat(reason).contains("PAYER_NUMBER_INVALID").doesNotContain("BN-1489-01", "KN-1480-001");
        assertThat(goteborg.receivedFor(OrderAgreementFiles.MESSAGE_ID_PREFIX + agreementId)).isEmpty();
    }

    @Test
    void refusesHostileOrderAgreementsWithoutHarm() throws Exception {
        String head = """
                <?xml version="1.0"?>
                %s
                <OrderResponse xmlns="urn:oasis:names:specification:ubl:schema:xsd:OrderResponse-2"
                  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
                  <cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:order_agreement:3</cbc:CustomizationID>
                  <cbc:ID>%s</cbc:ID>%s
                </OrderResponse>""";
        dropStatusFile("agreement-xxe.xml", head.formatted(
                "<!DOCTYPE OrderResponse [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>", "&secret;", ""));
        dropStatusFile("agreement-huge.xml", head.formatted("", "huge-1", "<!--" + "x".repeat(1_100_000) + "-->"));
        dropStatusFile("agreement-wrong-root.xml", head.formatted("", "root-1", "")
                .replace("<OrderResponse ", "<Order ").replace("</OrderResponse>", "</Order>")
                .replace("OrderResponse-2", "Order-2"));
        dropStatusFile("agreement-not-peppol.xml", head.formatted("", "c0ffee00-0000-4000-8000-000000000001", ""));

        assertThat(reasonBeside("agreement-xxe.xml")).contains("NOT_WELL_FORMED", "DTD");
        assertThat(reasonBeside("agreement-huge.xml")).contains("FILE_TOO_LARGE");
        assertThat(reasonBeside("agreement-wrong-root.xml")).contains("NOT_AN_ORDER_AGREEMENT");
        assertThat(reasonBeside("agreement-not-peppol.xml")).contains("PEPPOL_RULES_BROKEN", "eu.peppol.bis3:order-agreement:2026.5");
        assertThat(Files.readString(dropRoot().resolve("error").resolve("agreement-xxe.xml.reason.txt")))
                .doesNotContain(Files.exists(Path.of("/etc/hostname"))
                        ? Files.readString(Path.of("/etc/hostname")).trim() : "\u0000");
        // The inbox goes on: an agreement after them is taken.
        String agreementId = orderTakenByPhone("KN-1480-001", "BN-1480-01");
        goteborg.orderStatus(OrderAgreementFiles.MESSAGE_ID_PREFIX + agreementId, "REGISTERED_BY_SUPPLIER");
    }

    /** The reason beside the one refused file whose name starts so, once the file is in the error folder. */
    private String reasonBeside(String namePrefix) throws Exception {
        Path error = dropRoot().resolve("error");
        String reason = await().atMost(Duration.ofSeconds(30)).until(() -> folder("error").stream()
                .filter(name -> name.startsWith(namePrefix) && name.endsWith(".reason.txt")).findFirst().orElse(null),
                name -> name != null);
        String refused = reason.substring(0, reason.length() - ".reason.txt".length());
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(error.resolve(refused)));
        return Files.readString(error.resolve(reason));
    }

    /** A despatch advice for an order, by the supplier's hand: one device (fictional). */
    static final String DESPATCH_ADVICE = """
            <DespatchAdvice xmlns="urn:oasis:names:specification:ubl:schema:xsd:DespatchAdvice-2"
                xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
              <cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:despatch_advice:3</cbc:CustomizationID>
              <cbc:ProfileID>urn:fdc:peppol.eu:poacc:bis:despatch_advice:3</cbc:ProfileID>
              <cbc:ID>DA-PHONE-1</cbc:ID>
              <cbc:IssueDate>2026-11-24</cbc:IssueDate>
              <cac:OrderReference><cbc:ID>%s</cbc:ID></cac:OrderReference>
              <cac:DespatchSupplierParty><cac:Party><cbc:EndpointID schemeID="0007">5569990004</cbc:EndpointID>
                <cac:PartyLegalEntity><cbc:RegistrationName>Leverantören (fiktiv)</cbc:RegistrationName></cac:PartyLegalEntity>
              </cac:Party></cac:DespatchSupplierParty>
              <cac:DeliveryCustomerParty><cac:Party><cbc:EndpointID schemeID="0007">2120009994</cbc:EndpointID>
                <cac:PartyLegalEntity><cbc:RegistrationName>Kommunen (fiktiv)</cbc:RegistrationName></cac:PartyLegalEntity>
              </cac:Party></cac:DeliveryCustomerParty>
              <cac:DespatchLine>
                <cbc:ID>1</cbc:ID>
                <cbc:DeliveredQuantity unitCode="EA">1</cbc:DeliveredQuantity>
                <cac:OrderLineReference><cbc:LineID>1</cbc:LineID></cac:OrderLineReference>
                <cac:Item><cbc:Name>Artikel HMN-10001</cbc:Name>
                  <cac:SellersItemIdentification><cbc:ID>HMN-10001</cbc:ID></cac:SellersItemIdentification>
                  <cac:ItemInstance><cbc:SerialID>IND-70000001</cbc:SerialID></cac:ItemInstance>
                </cac:Item>
              </cac:DespatchLine>
            </DespatchAdvice>""";

    private static Message parkedEventFor(String reference) throws Exception {
        try (Connection connection = new JmsConnectionFactory("amqp://127.0.0.1:" + BROKER_PORT)
                .createConnection(HubTest.BROKER_ADMIN_USER, HubTest.BROKER_ADMIN_PASSWORD)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var browser = session.createBrowser(session.createQueue(Queues.DLQ_SUPPLIER_EVENTS));
            connection.start();
            for (Object candidate : Collections.list(browser.getEnumeration())) {
                Message message = (Message) candidate;
                JsonNode body = JSON.readTree(message.getBody(String.class));
                if (reference.equals(body.path("returnId").asText())) {
                    return message;
                }
            }
            return null;
        }
    }
}
