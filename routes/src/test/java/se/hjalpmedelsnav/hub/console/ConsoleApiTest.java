package se.hjalpmedelsnav.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import se.hjalpmedelsnav.hub.support.EmbeddedHubTest;

/**
 * What the console's pages read, over HTTP on the shared test hub: who is logged in, the registry page, the overview,
 * the plugin's files, and a plain 401 (no password dialog) when the console's session has ended. The pages themselves,
 * the replay and the CSRF token on the session: {@code ConsoleRolesInBrowserTest}.
 */
class ConsoleApiTest extends EmbeddedHubTest {

    @Test
    void tellsTheConsoleWhetherTheUserIsAnAdmin() throws Exception {
        JsonNode admin = JSON.readTree(getAs("admin", "admin-dev", "/api/admin/console/me").body());
        JsonNode viewer = JSON.readTree(getAs("viewer", "viewer-dev", "/api/admin/console/me").body());

        assertThat(admin.path("user").asText()).isEqualTo("admin");
        assertThat(admin.path("admin").asBoolean()).isTrue();
        assertThat(viewer.path("admin").asBoolean()).isFalse();
        assertThat(viewer.path("roles").toString()).isEqualTo("[\"VIEWER\"]");
    }

    @Test
    void showsTheRegistryWithEachAgreementsStateAndTheLastLoad() throws Exception {
        HttpResponse<String> response = getAs("viewer", "viewer-dev", "/api/admin/registry");
        JsonNode page = JSON.readTree(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(page.path("lastReload").path("outcome").asText()).isIn("RELOADED", "REFUSED");
        assertThat(page.path("lastReload").path("at").asText()).isNotBlank();
        assertThat(page.path("municipalities")).hasSize(49);
        JsonNode expired = page.path("privateContractors").findParents("reference").stream()
                .filter(a -> a.path("reference").asText().equals("MDL-PU-2024-007")).findFirst().orElseThrow();
        assertThat(expired.path("validity").asText()).isEqualTo("EXPIRED");
        assertThat(expired.path("daysLeft").asLong()).isNegative();
        // A unit's buffer-store address is not the console's business: only whether it has one.
        assertThat(response.body()).doesNotContain("Förrådsvägen").contains("\"bufferStore\":true");
    }

    @Test
    void listsEveryMunicipalityOfTheRegistryOnTheOverview() throws Exception {
        JsonNode overview = JSON.readTree(getAs("viewer", "viewer-dev", "/api/admin/overview").body());

        assertThat(overview.path("silentAfterMinutes").asLong()).isEqualTo(24 * 60);
        assertThat(overview.path("municipalities").findValuesAsText("kommunCode")).contains("1401", "1480", "1499");
        for (JsonNode row : overview.path("municipalities")) {
            if (!row.path("agreementParty").asBoolean()) {
                assertThat(row.path("silent").asBoolean()).as("a non-party is never silent: " + row).isFalse();
            }
            assertThat(row.path("lastDay").path("received").asLong())
                    .isGreaterThanOrEqualTo(row.path("lastHour").path("received").asLong());
        }
    }

    @Test
    void servesThePluginToLoggedInUsersOnly() throws Exception {
        assertThat(getAs("viewer", "viewer-dev", "/nav-console/remoteEntry.js").body()).contains("hjalpmedelsnav");
        assertThat(get("/nav-console/remoteEntry.js").statusCode()).isIn(302, 401);
        assertThat(getAs("viewer", "viewer-dev", "/actuator/hawtio/plugin").body())
                .contains("\"scope\":\"hjalpmedelsnav\"", "\"url\":\"/nav-console\"");
    }

    @Test
    void answersTheConsolesCallsWithoutASessionWithAPlain401() throws Exception {
        HttpResponse<String> console = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/api/admin/overview"))).header("X-Requested-With", "XMLHttpRequest").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> machine = get("/api/admin/overview");

        assertThat(console.statusCode()).isEqualTo(401);
        assertThat(console.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(machine.statusCode()).isEqualTo(401);
        assertThat(machine.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic");
    }
}
