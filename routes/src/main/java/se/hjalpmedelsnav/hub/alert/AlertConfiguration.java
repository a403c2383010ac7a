package se.hjalpmedelsnav.hub.alert;

import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.hjalpmedelsnav.mappings.registry.Municipality;
import se.hjalpmedelsnav.mappings.registry.RegistrySource;

@Configuration
class AlertConfiguration {

    static final String AGREEMENT_PARTIES = "navAlertAgreementParties";

    /** The municipalities with an agreement, from the registry in force (a reload counts at the next check). */
    @Bean(AGREEMENT_PARTIES)
    Supplier<Set<String>> agreementParties(RegistrySource registry) {
        return () -> registry.current().municipalities().stream().filter(Municipality::agreementParty)
                .map(Municipality::code).collect(Collectors.toSet());
    }
}
