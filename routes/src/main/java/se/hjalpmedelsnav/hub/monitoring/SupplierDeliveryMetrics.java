package se.hjalpmedelsnav.hub.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyConfiguration;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.spi.RoutePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deliveries to the supplier and its events, counted per route by Camel's Micrometer route policy:
 * {@code camel_exchanges_total}, {@code camel_exchanges_succeeded_total}, {@code camel_exchanges_failed_total} and the
 * timer {@code camel_route_policy_seconds}, tagged {@code routeId} (e.g. {@code supplier-api-order-deliver}). Only those
 * routes: a policy on each of the 49 intake routes would cost every message a timer and add a hundred series.
 */
@Configuration
public class SupplierDeliveryMetrics {

    /** The supplier's delivery routes (per type and channel) and the route of its events. */
    static final Pattern ROUTES = Pattern.compile("supplier-(api|filedrop)-[a-z-]+-deliver|supplier-events");

    @Bean
    MicrometerRoutePolicyFactory supplierRoutePolicyFactory(MeterRegistry meters) {
        MicrometerRoutePolicyFactory factory = new MicrometerRoutePolicyFactory() {
            @Override
            public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
                return ROUTES.matcher(routeId).matches() ? super.createRoutePolicy(camelContext, routeId, route) : null;
            }
        };
        MicrometerRoutePolicyConfiguration configuration = new MicrometerRoutePolicyConfiguration();
        configuration.setContextEnabled(false);
        configuration.setRouteEnabled(true);
        configuration.setAdditionalCounters(true);
        configuration.setLongTask(false);
        factory.setPolicyConfiguration(configuration);
        factory.setMeterRegistry(meters);
        return factory;
    }
}
