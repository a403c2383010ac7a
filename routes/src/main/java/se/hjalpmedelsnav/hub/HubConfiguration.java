package se.hjalpmedelsnav.hub;

import java.time.Clock;
import java.time.ZoneId;
import org.apache.camel.support.DefaultHeaderFilterStrategy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.hjalpmedelsnav.connectors.http.HttpEndpoint;
import se.hjalpmedelsnav.mappings.message.KommunMessageParser;
import se.hjalpmedelsnav.mappings.message.ParserLimits;

@Configuration
public class HubConfiguration {

    @Bean
    public Clock clock() {
        // Receipts and events carry Swedish time, whatever zone the host runs in.
        return Clock.system(ZoneId.of("Europe/Stockholm"));
    }

    /** Schemas are compiled once here; parsing a message compiles nothing. */
    @Bean
    public KommunMessageParser kommunMessageParser(@Value("${nav.intake.max-bytes:262144}") int maxBytes,
            @Value("${nav.intake.max-depth:32}") int maxDepth,
            @Value("${nav.intake.max-string-length:4096}") int maxStringLength) {
        return new KommunMessageParser(new ParserLimits(maxBytes, maxDepth, maxStringLength));
    }

    /** Only the headers of {@link HttpEndpoint#headerFilter()} go out on a call to an outside party. */
    @Bean(HttpEndpoint.HEADER_FILTER)
    DefaultHeaderFilterStrategy outboundHeaderFilter() {
        return HttpEndpoint.headerFilter();
    }
}
