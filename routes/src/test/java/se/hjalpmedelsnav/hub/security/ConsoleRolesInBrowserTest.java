package se.hjalpmedelsnav.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.hub.alert.AlertCheck;
import se.hjalpmedelsnav.hub.incident.TestIncidentReports;
import se.hjalpmedelsnav.hub.support.EmbeddedHubTest;
import se.hjalpmedelsnav.hub.support.HubTest;
import se.hjalpmedelsnav.hub.support.KommunAmqpClient;
import se.hjalpmedelsnav.hub.support.TestOrders;

/**
 * The console in a real browser: headless Chromium (Debian's package, which the build installs if missing) driven by
 * playwright-core ({@code tools/console-test/}).
 * <ul>
 *   <li>Roles in Hawtio's own views ({@code console-roles.js}): anonymous gets the login page; the admin sees Camel's
 *       routes and stops and starts one; the viewer sees them, and its stop is refused with 403.</li>
 *   <li>The hub's plugin ({@code console-plugin.js}): after real traffic (an order delivered, one rejected, one parked
 *       while the supplier fails) and a registry reload, viewer and admin land on Overview within 5 s of the login and
 *       see the municipality's counts and, at the top, the alerts of the test hub's silent municipality (and, the
 *       viewer, of the parked order's dead-letter queue); the viewer sees the parked order without a replay button; the admin sees the
 *       agreement about to expire on Registry, replays the parked order after confirming, records Läkemedelsverket's
 *       confirmation of an incident report (the viewer has no button for it), and finds an order on Journey and opens its timeline
 *       (received, accepted, handed to the supplier's API, confirmed). The replayed order then reaches the supplier once, and the replay is on record. Screenshots of every
 *       page go to {@code target/console-screenshots/}.</li>
 * </ul>
 * Runs in a surefire execution of its own (a hub of its own), which sets the property; what the browser saw and a
 * screenshot go to {@code target/console-test/} (roles) or {@code target/console-screenshots/} (plugin) when a check
 * fails.
 */
@EnabledIfSystemProperty(named = "nav.test.console-in-browser", matches = "true",
        disabledReason = "runs in its own surefire execution (console-in-browser), on a hub of its own")
class ConsoleRolesInBrowserTest extends EmbeddedHubTest {

    private static final String ROUTE = "kommun-1401-intake";
    private static final Path ARTIFACTS = Path.of("target", "console-test");
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    /** What the admin types as Läkemedelsverket's reference (console-plugin.js). */
    private static final String AUTHORITY_REFERENCE = "6.3.4-2026-004711";
    /**
     * Issue 13's goal for the console's first page after the login, on this project's 2 loaded cores: the browser
     * script measures and prints the time beside it (a speed goal is measured, never a timed assertion).
     */
    private static final int FIRST_PAGE_GOAL_MS = 5000;

    @Autowired
    CamelContext camel;

    @Autowired
    AlertCheck alertCheck;

    @Test
    void letsAnAdminStopAndStartARouteAndAViewerOnlyLook() throws Exception {
        Files.createDirectories(ARTIFACTS);
        Path output = ARTIFACTS.resolve("console-roles.log");
        Process browser = new ProcessBuilder("node", "console-roles.js", url(""),
                System.getProperty("nav.test.chromium", "/usr/bin/chromium"), "admin:admin-dev", "viewer:viewer-dev",
                ROUTE, ARTIFACTS.toAbsolutePath().toString())
                .directory(new File("../tools/console-test"))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        browser.getOutputStream().close();

        // Each step of the script has its own limit and message; this only stops a browser that hangs.
        boolean finished = browser.waitFor(8, TimeUnit.MINUTES);
        if (!finished) {
            browser.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println(log);

        assertThat(finished).as("the browser test finished:\n" + log).isTrue();
        assertThat(browser.exitValue()).as(log).isZero();
        assertThat(log).contains("admin: stops " + ROUTE, "admin: starts " + ROUTE + " again",
                "viewer: the stop is refused (HTTP 403)", "viewer: " + ROUTE + " is still started",
                "all console role checks passed");
        assertThat(camel.getRouteController().getRouteStatus(ROUTE)).isEqualTo(ServiceStatus.Started);
    }
    @Test
    void showsThePluginFirstAndLetsOnlyAnAdminReplayAParkedOrder() throws Exception {
        String delivered = TestOrders.newMessageId();
        String refused = TestOrders.newMessageId();
        String parked = TestOrders.newMessageId();
        String incident = TestIncidentReports.newMessageId();
        String parkedReference;
        String incidentReference;
        try (var goteborg = new KommunAmqpClient(BROKER_PORT, "1480")) {
            goteborg.send(TestOrders.validOrder(delivered));
            assertThat(goteborg.receipt(delivered).path("status").asText()).isEqualTo("ACCEPTED");
            goteborg.send(TestOrders.validOrder(refused).put("customerNumber", "KN-1480-999"));
            assertThat(goteborg.receipt(refused).path("status").asText()).isEqualTo("REJECTED");
            goteborg.orderStatus(delivered, "CONFIRMED");
            goteborg.send(TestIncidentReports.valid(incident, "1480", "DEATH"));
            incidentReference = goteborg.receipt(incident).path("hubReference").asText();
            goteborg.awaitMessage(incident, m -> "SENT".equals(m.path("status").asText()));
            // The manufacturer's copy goes through the supplier's API: delivered before the supplier fails below.
            await("the manufacturer's copy").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !JSON.readTree(getAs("viewer", "viewer-dev", "/api/admin/incident-reports/"
                            + incidentReference).body()).path("manufacturerSentAt").isNull());

            simulatorMode("FAIL_5XX");
            goteborg.send(TestOrders.validOrder(parked));
            parkedReference = goteborg.receipt(parked).path("hubReference").asText();
            await("the order parked on " + Queues.DLQ_ORDER_TO_SUPPLIER).atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> getAs("viewer", "viewer-dev", "/api/admin/dead-letters/" + Queues.DLQ_ORDER_TO_SUPPLIER)
                            .body().contains(parkedReference));
        } finally {
            simulatorMode("NORMAL");
        }
        // An agreement that runs out in 20 days, put in force by a reload (Registry shows both).
        Path registryFile = HubTest.registryCopy(DATA_DIR);
        Files.writeString(registryFile, Files.readString(registryFile).replace("validTo: 2028-06-30",
                "validTo: " + LocalDate.now(ZoneId.of("Europe/Stockholm")).plusDays(20)));
        assertThat(postAs("admin", "admin-dev", "/api/admin/registry/reload").body()).contains("RELOADED");

        // What the page shows, as the API counts it: four messages in today (three orders, an incident report), one
        // refused, one order handed to the supplier and the report to Läkemedelsverket.
        JsonNode goteborgToday = kommunRow(JSON.readTree(getAs("viewer", "viewer-dev", "/api/admin/overview").body()),
                "1480");
        assertThat(goteborgToday.path("silent").asBoolean()).isFalse();
        JsonNode today = goteborgToday.path("lastDay");
        assertThat(today.path("received").asInt()).isEqualTo(4);
        assertThat(today.path("accepted").asInt()).isEqualTo(3);
        assertThat(today.path("rejected").asInt()).isEqualTo(1);
        assertThat(today.path("rejectedByCode").path("CUSTOMER_NUMBER_UNKNOWN").asInt()).isEqualTo(1);
        assertThat(today.path("delivered").asInt()).isEqualTo(2);
        assertThat(today.path("statusEventsOut").asInt()).isPositive();
        assertThat(goteborgToday.path("lastHour")).isEqualTo(today);

        // The alerts as the Overview shows them: the test hub's silent municipality, and the parked order's queue (the
        // check runs now rather than at the next tick of its timer).
        alertCheck.run();

        Files.createDirectories(SCREENSHOTS);
        Path output = SCREENSHOTS.resolve("console-plugin.log");
        Process browser = new ProcessBuilder("node", "console-plugin.js", url(""),
                System.getProperty("nav.test.chromium", "/usr/bin/chromium"), "admin:admin-dev", "viewer:viewer-dev",
                "1480", "4", parked, delivered, incident, AUTHORITY_REFERENCE, SCREENSHOTS.toAbsolutePath().toString(),
                String.valueOf(FIRST_PAGE_GOAL_MS), HubTest.SILENT_KOMMUN)
                .directory(new File("../tools/console-test"))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        browser.getOutputStream().close();
        boolean finished = browser.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            browser.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println(log);

        assertThat(finished).as("the browser test finished:\n" + log).isTrue();
        assertThat(browser.exitValue()).as(log).isZero();
        assertThat(log).contains("viewer: the first page after login is the plugin's Overview",
                "admin: the first page after login is the plugin's Overview", "viewer: no replay button (0)",
                "admin: the parked message was replayed", "admin: recorded Läkemedelsverket's confirmation",
                "viewer: Overview shows the alert BUSINESS_SILENCE for " + HubTest.SILENT_KOMMUN,
                "admin: Overview shows the alert BUSINESS_SILENCE for " + HubTest.SILENT_KOMMUN,
                "viewer: Overview shows the alert DEAD_LETTERS for " + Queues.DLQ_ORDER_TO_SUPPLIER,
                "admin: Journey shows the order's timeline (RECEIVED ORDER, RECEIPT ACCEPTED, HANDED_TO_SUPPLIER API, "
                        + "SUPPLIER_EVENT CONFIRMED",
                "all console plugin checks passed");
        // The console's replay did what it says: the order reaches the supplier once, and the audit trail has it.
        await("the replayed order at the supplier").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(supplierReceived(parkedReference).path("receivedCount").asInt())
                        .isEqualTo(1));
        JsonNode audit = JSON.readTree(getAs("viewer", "viewer-dev", "/api/admin/replays?hubReference="
                + parkedReference).body());
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).path("replayedBy").asText()).isEqualTo("admin");
        assertThat(audit.get(0).path("via").asText()).as("replayed with the console's button").isEqualTo("console");
        // The confirmation the admin recorded on Incident reports is the report's.
        JsonNode report = JSON.readTree(getAs("viewer", "viewer-dev", "/api/admin/incident-reports/"
                + incidentReference).body());
        assertThat(report.path("authorityReference").asText()).isEqualTo(AUTHORITY_REFERENCE);
        assertThat(report.path("confirmedAt").isNull()).isFalse();
    }

    private static JsonNode kommunRow(JsonNode overview, String kommunCode) {
        for (JsonNode row : overview.path("municipalities")) {
            if (kommunCode.equals(row.path("kommunCode").asText())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + kommunCode + " in the overview");
    }

    private static void simulatorMode(String mode) throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/simulator/admin/mode")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + mode + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postAs(String user, String password, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
