package se.hjalpmedelsnav.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.apache.camel.support.DefaultHeaderFilterStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.hjalpmedelsnav.connectors.supplier.SupplierApiProperties;

class HttpEndpointTest {

    @Test
    void leavesEveryAnswerToTheRouteAndTakesItsTimeoutsFromDurations() {
        String uri = new HttpEndpoint("https://supplier.example/api", Duration.ofSeconds(2), Duration.ofMillis(3500))
                .camelUri();

        assertThat(uri).startsWith("https://supplier.example/api?")
                .contains("throwExceptionOnFailure=false", "headerFilterStrategy=#" + HttpEndpoint.HEADER_FILTER,
                        "connectTimeout=2000", "responseTimeout=3500");
    }

    @Test
    void fillsInTheDefaultTimeoutsAndNeedsAnAddress() {
        var endpoint = new HttpEndpoint("http://lv.example/reports", null, null);

        assertThat(endpoint.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(endpoint.responseTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThatThrownBy(() -> new HttpEndpoint(" ", null, null).camelUri()).hasMessageContaining("url");
    }

    @ParameterizedTest
    @CsvSource({"http://s/api, orders, http://s/api/orders", "http://s/api/, /returns, http://s/api/returns"})
    void resolvesAResourceUnderTheSameParty(String base, String path, String expected) {
        assertThat(new HttpEndpoint(base, null, null).resolve(path).url()).isEqualTo(expected);
    }

    @Test
    void theSuppliersResourcesShareTheApisOneSetOfTimeouts() {
        var api = new SupplierApiProperties(URI.create("http://s/api"), URI.create("http://s/token"), "id", "secret",
                Duration.ofSeconds(1), Duration.ofSeconds(9));

        assertThat(api.endpoint("fault-reports"))
                .isEqualTo(new HttpEndpoint("http://s/api/fault-reports", Duration.ofSeconds(1), Duration.ofSeconds(9)));
    }

    @Test
    void letsOnlyTheWhitelistedHeadersOut() {
        DefaultHeaderFilterStrategy filter = HttpEndpoint.headerFilter();

        assertThat(filter.applyFilterToCamelHeaders("Idempotency-Key", "ref", null)).isFalse();
        assertThat(filter.applyFilterToCamelHeaders("Authorization", "Bearer t", null)).isFalse();
        assertThat(filter.applyFilterToCamelHeaders("navKommunCode", "1480", null)).isTrue();
        assertThat(filter.applyFilterToCamelHeaders("X-Municipality-Own", "x", null)).isTrue();
    }
}
