package se.hjalpmedelsnav.hub.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The webhook of a hub whose routes have not started yet (Tomcat answers a few seconds before Camel is up). */
class SupplierWebhookTest {

    @Test
    void tellsTheSupplierToComeBackWhileTheRoutesAreNotStarted() throws Exception {
        try (var camel = new DefaultCamelContext()) {
            var webhook = new SupplierWebhook(camel.createProducerTemplate(),
                    new SupplierEvents(null, Clock.systemUTC()), 65536);
            var request = new MockHttpServletRequest("POST", "/api/supplier/events");
            request.setContentType("application/json");
            request.setContent("{\"eventId\":\"e-1\",\"reference\":\"r-1\",\"status\":\"CONFIRMED\"}"
                    .getBytes(StandardCharsets.UTF_8));

            var answer = webhook.receive(request);

            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
            assertThat(answer.getBody()).containsEntry("code", "HUB_NOT_READY");
        }
    }
}
