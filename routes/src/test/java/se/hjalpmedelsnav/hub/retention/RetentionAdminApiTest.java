package se.hjalpmedelsnav.hub.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.hjalpmedelsnav.hub.support.EmbeddedHubTest;

/**
 * The purge in a running hub: a route of its own in Camel (so Hawtio shows it), and what admins and viewers see of
 * it over the admin API and in the metrics.
 */
class RetentionAdminApiTest extends EmbeddedHubTest {

    @Autowired
    CamelContext camel;

    @Autowired
    RetentionAudit audit;

    @Test
    void thePurgeIsARouteOfTheHubAndAdminsAndViewersSeeThePolicyAndTheLastRun() throws Exception {
        var route = camel.getRoute("retention-purge");
        assertThat(route).as("visible in Hawtio's routes").isNotNull();
        assertThat(route.getEndpoint().getEndpointUri()).startsWith("timer://retention-purge");

        // One tick of the route's timer, now rather than after its initial delay. (Had the timer ticked already in
        // this shared hub, this tick finds the lease resting and skips: the last run is then the timer's.)
        Exchange tick = new DefaultExchange(camel);
        route.getProcessor().process(tick);

        assertThat(tick.getException()).isNull();
        assertThat(audit.runs(1)).singleElement().extracting(RetentionAudit.Run::outcome).isEqualTo(RetentionPurge.DONE);
        for (String user : new String[] {"viewer", "admin"}) {
            var answer = getAs(user, user + "-dev", "/api/admin/retention");
            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode retention = JSON.readTree(answer.body());
            assertThat(retention.path("lastRun").path("outcome").asText()).isEqualTo("DONE");
            assertThat(retention.path("lastRun").path("removed").has("tracked_message")).isTrue();
            assertThat(retention.path("policy").findValuesAsText("store")).contains("tracked_message",
                    "Läkemedelsverket outbox", "nav.dlq.* (expiry)");
            for (JsonNode entry : retention.path("policy")) {
                if (entry.path("store").asText().equals("tracked_message")) {
                    assertThat(entry.path("days").asLong()).isEqualTo(400);
                    assertThat(entry.path("personalData").asBoolean()).isFalse();
                }
            }
        }
        assertThat(get("/api/admin/retention").statusCode()).as("not logged in").isEqualTo(401);
        assertThat(getAs("viewer", "viewer-dev", "/api/admin/retention/dead-letters").statusCode()).isEqualTo(200);

        String prometheus = getAs("viewer", "viewer-dev", "/actuator/prometheus").body();
        assertThat(prometheus).contains("nav_retention_removed_total{", "store=\"tracked_message\"",
                "nav_retention_dead_letters_overdue{", "nav_retention_runs_total{");
    }
}
