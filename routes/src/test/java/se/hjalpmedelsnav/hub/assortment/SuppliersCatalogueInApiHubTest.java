package se.hjalpmedelsnav.hub.assortment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.hjalpmedelsnav.hub.support.EmbeddedHubTest;

/**
 * The embedded default sends every type over the supplier API, none by the file drop: its inbox is read all the same,
 * and the simulated supplier's catalogue published there at start is the assortment in force (the demo runs on it).
 */
class SuppliersCatalogueInApiHubTest extends EmbeddedHubTest {

    @Test
    void readsTheInboxWithNoTypeOnTheFileDropAndPutsTheSuppliersStartCatalogueInForce() throws Exception {
        JsonNode start = await().atMost(Duration.ofSeconds(90)).until(this::suppliersWholeCatalogue,
                version -> version != null);

        assertThat(start.path("fileName").asText()).startsWith("catalogue-CAT-");
        // The simulated supplier sells the demo registry's assortment: the same 16 articles, none withdrawn.
        assertThat(start.path("withdrawn").asInt()).isZero();
        JsonNode changes = JSON.readTree(getAs("viewer", "viewer-dev", "/api/admin/assortment/versions/"
                + start.path("version").asLong() + "/changes").body());
        assertThat(changes.path("WITHDRAWN").isMissingNode()).isTrue();
        assertThat(changes.path("UPDATED").size() + changes.path("ADDED").size()).isEqualTo(16);
    }

    /** The first whole catalogue (Replace) the hub applied, or null while there is none. */
    private JsonNode suppliersWholeCatalogue() throws Exception {
        var response = getAs("viewer", "viewer-dev", "/api/admin/assortment/versions?limit=500");
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> replaces = new ArrayList<>();
        JSON.readTree(response.body()).forEach(version -> {
            if ("REPLACE".equals(version.path("headerAction").asText())) {
                replaces.add(version);
            }
        });
        return replaces.isEmpty() ? null : replaces.get(replaces.size() - 1);
    }
}
