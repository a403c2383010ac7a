package se.hjalpmedelsnav.hub.supplier;

import java.util.Set;
import org.apache.camel.support.DefaultHeaderFilterStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class SupplierHttpConfiguration {

    /**
     * Only these headers go to the supplier: the hub's internal properties and whatever a municipality
     * put on its message stay inside.
     */
    @Bean
    public DefaultHeaderFilterStrategy supplierHeaderFilter() {
        DefaultHeaderFilterStrategy strategy = new DefaultHeaderFilterStrategy();
        strategy.setFilterOnMatch(false);
        strategy.setLowerCase(true);
        strategy.setOutFilter(Set.of("content-type", "idempotency-key", "authorization", "accept"));
        return strategy;
    }
}
