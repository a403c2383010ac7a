package se.hjalpmedelsnav.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.hjalpmedelsnav.hub.support.EmbeddedHubTest;

/** The console as an integration admin meets it: a login first, then Hawtio with the hub's routes. */
class ConsoleTest extends EmbeddedHubTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();

    /** A browser-like client: keeps cookies, does not follow redirects by itself. */
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> browse(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/html,*/*").GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> logIn(String user, String password) throws Exception {
        String loginPage = browse("/login").body();
        var token = CSRF.matcher(loginPage);
        assertThat(token.find()).as("the login page carries a CSRF token").isTrue();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
        return browser.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sendsAnAnonymousVisitorToTheLogin() throws Exception {
        HttpResponse<String> hawtio = browse("/actuator/hawtio/");

        assertThat(hawtio.statusCode()).isEqualTo(302);
        assertThat(hawtio.headers().firstValue("Location")).get().asString().endsWith("/login");
    }

    @Test
    void refusesAWrongPassword() throws Exception {
        HttpResponse<String> login = logIn("admin", "not-the-password");

        assertThat(login.headers().firstValue("Location")).get().asString().contains("/login?error");
        assertThat(browse("/actuator/hawtio/").statusCode()).isEqualTo(302);
    }

    @Test
    void showsHawtioWithTheHubsRoutesToALoggedInAdmin() throws Exception {
        HttpResponse<String> login = logIn("admin", "admin-dev");
        assertThat(login.headers().firstValue("Location")).get().asString().endsWith("/actuator/hawtio/");

        HttpResponse<String> console = browse("/actuator/hawtio/");
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).containsIgnoringCase("hawtio");

        HttpResponse<String> routes = browse("/actuator/hawtio/jolokia/search/org.apache.camel:type=routes,*");
        assertThat(routes.statusCode()).isEqualTo(200);
        assertThat(routes.body()).contains("kommun-1480-intake", "kommun-intake", "supplier-api-order-deliver",
                "supplier-events");
    }

    /** Hawtio's own calls are Jolokia POSTs echoing the XSRF-TOKEN cookie as a header, as its single-page app does. */
    private HttpResponse<String> jolokiaPost(String body, boolean echoToken) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url("/actuator/hawtio/jolokia/")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (echoToken) {
            String token = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
            request.header("X-XSRF-TOKEN", token);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void acceptsTheConsolesOwnJolokiaCallsAfterTheLoginAndRefusesForgedOnes() throws Exception {
        logIn("admin", "admin-dev");
        browse("/actuator/hawtio/");
        String search = "{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=routes,*\"}";

        HttpResponse<String> withToken = jolokiaPost(search, true);
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("kommun-1480-intake");

        assertThat(jolokiaPost(search, false).statusCode()).isEqualTo(403);
    }

    @Test
    void letsAViewerLookButNotActAndAnAdminAct() throws Exception {
        String execOnADeadLetterQueue = "{\"type\":\"exec\",\"mbean\":\"org.apache.activemq.artemis:broker=\\\"hjalpmedelsnav-embedded\\\","
                + "component=addresses,address=\\\"nav.dlq.broker\\\",subcomponent=queues,routing-type=\\\"anycast\\\","
                + "queue=\\\"nav.dlq.broker\\\"\",\"operation\":\"removeAllMessages()\"}";
        String readBatch = "[{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=routes,*\"},"
                + "{\"type\":\"version\"}]";

        logIn("viewer", "viewer-dev");
        browse("/actuator/hawtio/");
        assertThat(jolokiaPost(readBatch, true).statusCode()).isEqualTo(200);
        assertThat(jolokiaPost(execOnADeadLetterQueue, true).statusCode()).isEqualTo(403);
        assertThat(browse("/actuator/hawtio/jolokia/exec/java.lang:type=Memory/gc()").statusCode()).isEqualTo(403);
        assertThat(browse("/actuator/hawtio/jolokia/read/java.lang:type=Memory/HeapMemoryUsage").statusCode())
                .isEqualTo(200);

        cookies.getCookieStore().removeAll();
        logIn("admin", "admin-dev");
        browse("/actuator/hawtio/");
        HttpResponse<String> asAdmin = jolokiaPost(execOnADeadLetterQueue, true);
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(asAdmin.body()).contains("\"status\":200");
    }

    @Test
    void letsAViewerAskWhatItMayDoAndRunOperationsThatOnlyRead() throws Exception {
        logIn("viewer", "viewer-dev");
        browse("/actuator/hawtio/");
        String consoleQuestions = "[{\"type\":\"exec\",\"mbean\":\"hawtio:type=security,area=jmx,name=HawtioDummyJMXSecurity\","
                + "\"operation\":\"canInvoke(java.lang.String)\",\"arguments\":[\"java.lang:type=Memory\"]},"
                + "{\"type\":\"exec\",\"mbean\":\"org.apache.camel:context=hjalpmedelsnav,type=routes,name=\\\"kommun-intake\\\"\","
                + "\"operation\":\"dumpRouteAsXml()\"}]";

        // The console asks about every MBean in one batch: over a megabyte with this hub's MBeans.
        String oneQuestion = "{\"type\":\"exec\",\"mbean\":\"hawtio:type=security,area=jmx,name=HawtioDummyJMXSecurity\","
                + "\"operation\":\"canInvoke(java.lang.String)\",\"arguments\":[\"java.lang:type=Memory\"]},";
        String manyQuestions = "[" + oneQuestion.repeat(9000) + consoleQuestions.substring(1);
        assertThat(manyQuestions.length()).isGreaterThan(1 << 20);

        HttpResponse<String> answer = jolokiaPost(manyQuestions, true);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("kommun-intake").doesNotContain("\"status\":403");
    }

    @Test
    void letsAViewerSeeTheBrokersQueues() throws Exception {
        logIn("viewer", "viewer-dev");

        HttpResponse<String> queues = browse("/actuator/hawtio/jolokia/search/org.apache.activemq.artemis:*,subcomponent=queues");
        assertThat(queues.statusCode()).isEqualTo(200);
        assertThat(queues.body()).contains("nav.kommun.1480.in", "nav.internal.order.supplier", "nav.dlq.order.supplier");
    }

    @Test
    void keepsTheHealthEndpointOpenForProbesAndEverythingElseClosed() throws Exception {
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get("/api/admin/messages").statusCode()).isEqualTo(401);
    }
}
