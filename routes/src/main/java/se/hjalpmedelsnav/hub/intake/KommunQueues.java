package se.hjalpmedelsnav.hub.intake;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.mappings.registry.Municipality;
import se.hjalpmedelsnav.mappings.registry.Registry;
import se.hjalpmedelsnav.mappings.registry.RegistrySource;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.broker.BrokerCredentials;
import se.hjalpmedelsnav.hub.broker.EmbeddedBroker;
import se.hjalpmedelsnav.hub.broker.BrokerProperties;

/**
 * Every municipality of the registry has its {@code .in} and {@code .out} queue, its broker user
 * {@code kommun-<code>} allowed on those two queues only, and an intake route; a municipality added to
 * the registry gets them on reload, without a restart (the credentials file is read again then).
 */
@Component
public class KommunQueues {

    private static final Logger log = LoggerFactory.getLogger(KommunQueues.class);

    private final ObjectProvider<EmbeddedBroker> broker;
    private final CamelContext camel;
    private final BrokerProperties properties;

    public KommunQueues(ObjectProvider<EmbeddedBroker> broker, RegistrySource registry, CamelContext camel,
            BrokerProperties properties) throws Exception {
        this.broker = broker;
        this.camel = camel;
        this.properties = properties;
        ensureQueues(registry.current());
        EmbeddedBroker embedded = broker.getIfAvailable();
        if (embedded != null) {
            embedded.openToClients();
        }
        registry.addListener(this::onReload);
    }

    private void ensureQueues(Registry registry) throws Exception {
        EmbeddedBroker embedded = broker.getIfAvailable();
        if (embedded == null) {
            return; // a standalone broker declares its queues and users in its own configuration
        }
        BrokerCredentials credentials = BrokerCredentials.read(properties.security().credentialsFile(),
                properties.security().developmentPasswords());
        for (Municipality municipality : registry.municipalities()) {
            embedded.ensureQueue(Queues.kommunIn(municipality.code()));
            embedded.ensureQueue(Queues.kommunOut(municipality.code()));
            embedded.allowKommun(municipality.code(), credentials.kommunPassword(municipality.code()));
        }
    }

    private void onReload(Registry registry) {
        try {
            ensureQueues(registry);
            for (Municipality municipality : registry.municipalities()) {
                String routeId = KommunIntakeRoutes.routeId(municipality.code());
                if (camel.getRoute(routeId) == null) {
                    camel.addRouteFromTemplate(routeId, KommunIntakeRoutes.TEMPLATE,
                            java.util.Map.of("kommunCode", municipality.code()));
                    log.info("Municipality {} added: queues and intake route created", municipality.code());
                }
            }
        } catch (Exception e) {
            log.error("Could not create queues or routes for the reloaded registry", e);
        }
    }
}
