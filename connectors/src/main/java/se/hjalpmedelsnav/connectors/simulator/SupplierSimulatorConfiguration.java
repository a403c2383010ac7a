package se.hjalpmedelsnav.connectors.simulator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/**
 * The supplier simulator, in-process in whatever Spring Boot application has
 * {@code nav.simulator.enabled=true}: registered as an auto-configuration, so the hub needs only
 * the property.
 */
@AutoConfiguration
@ConditionalOnSimulatorEnabled
@EnableConfigurationProperties({SupplierSimulatorProperties.class, SimulatorFileDropProperties.class})
@Import({SimulatedSupplier.class, SimulatorAccessTokens.class, SimulatorEventPusher.class, SimulatorApiGate.class,
        SimulatorTokenController.class, SimulatorOrderController.class, SimulatorDeviceController.class,
        SimulatorAdminController.class, SimulatorIncidentReportController.class, SimulatorFileDrop.class})
public class SupplierSimulatorConfiguration {

    /**
     * The simulator plays an outside party with its own authentication (client credentials and
     * bearer tokens), so the host application's web security, its login and its CSRF protection,
     * must not stand in front of it.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(WebSecurityCustomizer.class)
    static class OutsideHostSecurity {

        @Bean
        WebSecurityCustomizer simulatorOutsideHostSecurity() {
            return web -> web.ignoring().requestMatchers("/simulator/**");
        }
    }
}
