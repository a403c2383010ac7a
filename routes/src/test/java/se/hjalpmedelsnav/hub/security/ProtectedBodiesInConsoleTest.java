package se.hjalpmedelsnav.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.hub.support.EmbeddedHubTest;
import se.hjalpmedelsnav.hub.support.TestOrders;
import se.hjalpmedelsnav.broker.MessageProperties;

/**
 * Queue contents in the console (Jolokia, as Hawtio asks it): a viewer sees no message body at all, an
 * admin sees bodies except those of users with protected identity. Messages wait on dead-letter queues
 * no route reads, as parked ones do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtectedBodiesInConsoleTest extends EmbeddedHubTest {

    private static final String PARKED = Queues.DLQ_RETURN_TO_SUPPLIER;
    private static final String PROTECTED_NUMBER = "19501071-2346";
    private static final String UNPROTECTED_NUMBER = "19630815-9877";

    @BeforeAll
    void parkMessages() throws Exception {
        try (var connection = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT)
                .createConnection(se.hjalpmedelsnav.hub.support.HubTest.BROKER_ADMIN_USER,
                        se.hjalpmedelsnav.hub.support.HubTest.BROKER_ADMIN_PASSWORD)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            var parked = session.createProducer(session.createQueue(PARKED));
            // As the intake hands them on: the recipient first, so that it is inside the broker's 256-byte preview.
            parked.send(marked(session, order("SEKRETESSMARKERING", PROTECTED_NUMBER), true));
            parked.send(marked(session, order("NONE", UNPROTECTED_NUMBER), false));
            // A municipality's original, never read by the hub: unmarked.
            session.createProducer(session.createQueue(Queues.DLQ_KOMMUN_INTAKE))
                    .send(session.createTextMessage(order("SKYDDAD_FOLKBOKFORING", PROTECTED_NUMBER)));
        }
    }

    private static TextMessage marked(Session session, String body, boolean isProtected) throws Exception {
        TextMessage message = session.createTextMessage(body);
        message.setBooleanProperty(MessageProperties.PROTECTED, isProtected);
        message.setStringProperty("navHubReference", "ref-" + isProtected);
        return message;
    }

    private static String order(String protection, String number) {
        ObjectNode order = JSON.createObjectNode();
        ObjectNode recipient = order.putObject("recipient");
        recipient.put("personalIdentityNumber", number).put("name", "Sigvard Skyddsson").put("protection", protection);
        order.setAll((ObjectNode) TestOrders.validOrder(TestOrders.newMessageId()).without("recipient"));
        return order.toString();
    }

    private static String queueMBean(String queue) {
        return "org.apache.activemq.artemis:broker=\"hjalpmedelsnav-embedded\",component=addresses,address=\""
                + queue + "\",subcomponent=queues,routing-type=\"anycast\",queue=\"" + queue + "\"";
    }

    /** Logs in on the console's form and posts Jolokia requests as Hawtio does, echoing the CSRF cookie. */
    private static HttpResponse<String> jolokia(String user, String request) throws Exception {
        var cookies = new CookieManager();
        var browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(url("/login"))).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(token.find()).isTrue();
        browser.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user + "-dev&_csrf="
                        + token.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        browser.send(HttpRequest.newBuilder(URI.create(url("/actuator/hawtio/"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst().orElseThrow().getValue();
        return browser.send(HttpRequest.newBuilder(URI.create(url("/actuator/hawtio/jolokia/")))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString(request)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String exec(String mbean, String operation, Object... arguments) {
        ObjectNode request = JSON.createObjectNode().put("type", "exec").put("mbean", mbean).put("operation", operation);
        var args = request.putArray("arguments");
        for (Object argument : arguments) {
            args.addPOJO(argument);
        }
        return request.toString();
    }

    private static JsonNode browse(String user, String queue) throws Exception {
        HttpResponse<String> answer = jolokia(user, exec(queueMBean(queue), "browse()"));
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode value = JSON.readTree(answer.body()).path("value");
        assertThat(value.isArray()).as(answer.body()).isTrue();
        return value;
    }

    private static List<String> texts(JsonNode messages) {
        List<String> texts = new ArrayList<>();
        messages.forEach(message -> texts.add(message.path("text").asText()));
        return texts;
    }

    @Test
    void showsAnAdminTheBodyOfAnUnprotectedUsersMessageButNotOfAProtectedOnes() throws Exception {
        JsonNode parked = browse("admin", PARKED);

        assertThat(parked).hasSize(2);
        assertThat(parked.toString()).doesNotContain(PROTECTED_NUMBER, "SEKRETESSMARKERING")
                .contains(UNPROTECTED_NUMBER, "ref-true", "ref-false");
        assertThat(texts(parked).get(0)).isEqualTo(JolokiaMessageMasking.HIDDEN_PROTECTED);
        assertThat(texts(parked).get(1)).startsWith("{\"recipient\":{\"personalIdentityNumber\":\"" + UNPROTECTED_NUMBER);
    }

    @Test
    void hidesFromAnAdminTheBodyOfAnOriginalTheHubHasNotRead() throws Exception {
        JsonNode originals = browse("admin", Queues.DLQ_KOMMUN_INTAKE);

        assertThat(originals.toString()).doesNotContain(PROTECTED_NUMBER, "Sigvard");
        assertThat(texts(originals)).containsOnly(JolokiaMessageMasking.HIDDEN_PROTECTED);
    }

    @Test
    void showsAViewerNoMessageBodyAtAll() throws Exception {
        JsonNode parked = browse("viewer", PARKED);

        assertThat(parked).hasSize(2);
        assertThat(parked.toString()).doesNotContain(PROTECTED_NUMBER, UNPROTECTED_NUMBER, "Sigvard")
                .contains("ref-true", "ref-false");
        assertThat(texts(parked)).containsOnly(JolokiaMessageMasking.HIDDEN_FROM_VIEWERS);
        // What the queue's attributes show of its first message holds no body either.
        HttpResponse<String> attributes = jolokia("viewer",
                JSON.createObjectNode().put("type", "read").put("mbean", queueMBean(PARKED)).toString());
        assertThat(attributes.statusCode()).isEqualTo(200);
        assertThat(attributes.body()).contains("FirstMessageAsJSON").doesNotContain(PROTECTED_NUMBER, "Sigvard");
    }

    @Test
    void refusesAViewerTheOperationsThatAnswerWithBodiesOnly() throws Exception {
        String camelEndpoint = JSON.readTree(jolokia("viewer", "{\"type\":\"search\",\"mbean\":"
                + "\"org.apache.camel:type=endpoints,name=*nav.internal.order.supplier*,*\"}").body())
                .path("value").path(0).asText();
        assertThat(camelEndpoint).contains("nav.internal.order.supplier");

        assertThat(jolokia("viewer", exec(camelEndpoint, "browseAllMessagesAsXml(java.lang.Boolean)", true))
                .statusCode()).isEqualTo(403);
        assertThat(jolokia("viewer", exec(camelEndpoint, "browseMessageBody(java.lang.Integer)", 0)).statusCode())
                .isEqualTo(403);
        HttpResponse<String> asAdmin = jolokia("admin", exec(camelEndpoint, "browseAllMessagesAsXml(java.lang.Boolean)",
                true));
        // The console lets an admin through; the broker then answers for itself: Camel browses with the hub's
        // broker user, which may not browse internal queues (least privilege; admins browse them in Artemis' view).
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(asAdmin.body()).contains("User: hub does not have permission='BROWSE'");
    }
}
