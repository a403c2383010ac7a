package se.hjalpmedelsnav.hub.broker;

import se.hjalpmedelsnav.hub.support.NodeKommunClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.hub.HubApplication;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;
import se.hjalpmedelsnav.hub.support.TestOrders;

/**
 * A hub whose broker listens on TLS only, with the broker's key and certificate made by this test
 * (JDK keytool; no key is committed) and municipality passwords from a credentials file as in
 * production: AMQP 1.0 (Qpid JMS, {@code amqps://}), CORE and the Node.js client connect over TLS,
 * order and get their receipt; a plain client gets nowhere on the TLS port; the development passwords
 * are refused; a municipality added to the registry and the credentials file can connect after a reload.
 */
@Tag(HubTest.STARTS_A_HUB)
class BrokerTlsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final int HTTP_PORT = HubTest.freePort();
    static final int TLS_PORT = HubTest.freePort();
    static final Path DATA_DIR = HubTest.newDataDir();
    static final String STORE_PASSWORD = UUID.randomUUID().toString();
    static final String GOTEBORG_PASSWORD = UUID.randomUUID().toString();
    static final String MOLNDAL_PASSWORD = UUID.randomUUID().toString();
    static Path keystore;
    static Path truststore;
    static Path certificatePem;
    static Path credentials;
    static Path registry;
    static String originalRegistry;
    static ConfigurableApplicationContext hub;

    @BeforeAll
    static void startHubWithTlsOnly() throws Exception {
        keystore = DATA_DIR.resolve("broker.p12");
        truststore = DATA_DIR.resolve("trust.p12");
        certificatePem = DATA_DIR.resolve("broker.pem");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(), "-storepass",
                STORE_PASSWORD, "-file", certificatePem.toString());
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", certificatePem.toString(), "-storetype",
                "PKCS12", "-keystore", truststore.toString(), "-storepass", STORE_PASSWORD);

        credentials = DATA_DIR.resolve("broker-credentials.properties");
        Files.writeString(credentials, "kommun-1480=" + GOTEBORG_PASSWORD + "\nkommun-1481=" + MOLNDAL_PASSWORD + "\n");
        // Falköping (1499) is not in the registry yet: the last test adds it.
        registry = HubTest.registryCopy(DATA_DIR);
        originalRegistry = Files.readString(registry);
        String withoutFalkoping = originalRegistry.replaceFirst("(?s)  - code: \"1499\".*?\n\n", "\n");
        assertThat(withoutFalkoping).doesNotContain("1499");
        Files.writeString(registry, withoutFalkoping);

        var properties = HubTest.embeddedHubProperties(HTTP_PORT, HubTest.freePort(), DATA_DIR);
        properties.put("nav.broker.url", "vm://8"); // another in-VM broker than the shared test hub's
        properties.put("camel.springboot.name", "hjalpmedelsnav-tls");
        properties.put("nav.broker.tls.enabled", true);
        properties.put("nav.broker.tls.port", TLS_PORT);
        properties.put("nav.broker.tls.plain-acceptor", false);
        properties.put("nav.broker.tls.keystore-path", keystore.toString());
        properties.put("nav.broker.tls.keystore-password", STORE_PASSWORD);
        properties.put("nav.broker.security.development-passwords", false);
        properties.put("nav.broker.security.credentials-file", credentials.toString());
        String[] args = properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
        hub = new SpringApplicationBuilder(HubApplication.class).run(args);
    }

    @AfterAll
    static void stopHub() {
        if (hub != null) {
            hub.close();
        }
    }

    private static void keytool(String... args) throws Exception {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static JmsConnectionFactory amqps() {
        return new JmsConnectionFactory("amqps://localhost:" + TLS_PORT + "?transport.trustStoreLocation=" + truststore
                + "&transport.trustStorePassword=" + STORE_PASSWORD + "&transport.trustStoreType=PKCS12");
    }

    private static ActiveMQConnectionFactory coreOverTls() {
        return new ActiveMQConnectionFactory("tcp://localhost:" + TLS_PORT + "?sslEnabled=true&trustStorePath="
                + truststore + "&trustStorePassword=" + STORE_PASSWORD + "&trustStoreType=PKCS12");
    }

    private static ObjectNode orderFrom(String kommunCode, String messageId) {
        ObjectNode order = TestOrders.validOrder(messageId);
        order.put("kommunCode", kommunCode);
        order.put("customerNumber", "KN-" + kommunCode + "-001");
        order.put("payerNumber", "BN-" + kommunCode + "-01");
        return order;
    }

    @Test
    void anAmqpClientOrdersOverTlsAndGetsItsReceipt() throws Exception {
        try (var goteborg = new KommunAmqpClient(amqps(), "1480", GOTEBORG_PASSWORD)) {
            String messageId = TestOrders.newMessageId();
            goteborg.send(orderFrom("1480", messageId));
            assertThat(goteborg.receipt(messageId).path("status").asText()).isEqualTo("ACCEPTED");
        }
    }

    @Test
    void aCoreClientOrdersOverTlsAndGetsItsReceipt() throws Exception {
        String messageId = TestOrders.newMessageId();
        try (var connection = coreOverTls().createConnection("kommun-1481", MOLNDAL_PASSWORD)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var receipts = session.createConsumer(session.createQueue(Queues.kommunOut("1481")),
                    "JMSCorrelationID = '" + messageId + "'");
            connection.start();
            session.createProducer(session.createQueue(Queues.kommunIn("1481")))
                    .send(session.createTextMessage(orderFrom("1481", messageId).toString()));

            var receipt = (TextMessage) receipts.receive(60_000);
            assertThat(receipt).as("a receipt within 60 s").isNotNull();
            assertThat(JSON.readTree(receipt.getText()).path("status").asText()).isEqualTo("ACCEPTED");
        }
    }

    @Test
    void theNodeJsClientOrdersOverTlsTrustingTheBrokersCertificate() throws Exception {
        Path file = Files.createTempFile(DATA_DIR, "order", ".json");
        Files.writeString(file, orderFrom("1480", "replaced-by-the-client").toString());

        List<JsonNode> answers = NodeKommunClient.run("--kommun", "1480", "--password", GOTEBORG_PASSWORD,
                "--tls", "--ca", certificatePem.toString(), "--host", "127.0.0.1", "--port", String.valueOf(TLS_PORT),
                "--wait", "60", file.toString());
        assertThat(answers).anySatisfy(a -> {
            assertThat(a.path("type").asText()).isEqualTo("RECEIPT");
            assertThat(a.path("status").asText()).isEqualTo("ACCEPTED");
        });
    }

    @Test
    void theHubsOwnConnectionReachesARemoteBrokerOverTlsWithItsTruststore() throws Exception {
        // As a hub of the prod profile connects to a standalone broker: NAV_BROKER_URL plus NAV_BROKER_TLS_TRUSTSTORE.
        var factory = new ActiveMQConnectionFactory("tcp://localhost:" + TLS_PORT);
        BrokerConfiguration.trustForRemoteBroker(factory, new BrokerProperties.Tls(false, "127.0.0.1", TLS_PORT, false,
                null, null, "PKCS12", truststore.toString(), STORE_PASSWORD));
        try (var connection = factory.createConnection("hub", "hub-dev")) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            // Logged in over TLS and allowed what the hub may do on an internal queue.
            session.createConsumer(session.createQueue(Queues.EXPIRED)).close();
        }
    }

    @Test
    void aPlainClientGetsNowhereOnTheTlsPort() {
        assertThatThrownBy(() -> new JmsConnectionFactory("amqp://127.0.0.1:" + TLS_PORT
                + "?transport.connectTimeout=10000&amqp.openTimeout=10000")
                .createConnection("kommun-1480", GOTEBORG_PASSWORD).start())
                .isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> new ActiveMQConnectionFactory("tcp://127.0.0.1:" + TLS_PORT + "?callTimeout=10000")
                .createConnection("kommun-1480", GOTEBORG_PASSWORD).close())
                .isInstanceOf(JMSException.class);
    }

    @Test
    void refusesTheDevelopmentPasswordsWhenTheCredentialsFileSetsThem() {
        assertThatThrownBy(() -> amqps().createConnection("kommun-1480", HubTest.kommunPassword("1480")).start())
                .isInstanceOf(JMSSecurityException.class);
        // Kungälv (1482) is in the registry but not in the credentials file: it has no broker user.
        assertThatThrownBy(() -> amqps().createConnection("kommun-1482", HubTest.kommunPassword("1482")).start())
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void aMunicipalityAddedToTheRegistryAndTheCredentialsFileConnectsAfterAReload() throws Exception {
        String falkopingPassword = UUID.randomUUID().toString();
        assertThatThrownBy(() -> amqps().createConnection("kommun-1499", falkopingPassword).start())
                .isInstanceOf(JMSSecurityException.class);

        Files.writeString(credentials, "kommun-1499=" + falkopingPassword + "\n", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(registry, originalRegistry);
        HttpResponse<String> reloaded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + HTTP_PORT + "/api/admin/registry/reload"))
                .header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString("admin:admin-dev".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reloaded.statusCode()).as(reloaded.body()).isEqualTo(200);

        try (var falkoping = new KommunAmqpClient(amqps(), "1499", falkopingPassword)) {
            String messageId = TestOrders.newMessageId();
            falkoping.send(orderFrom("1499", messageId));
            assertThat(falkoping.receipt(messageId).path("status").asText()).isEqualTo("ACCEPTED");
        }
    }
}
