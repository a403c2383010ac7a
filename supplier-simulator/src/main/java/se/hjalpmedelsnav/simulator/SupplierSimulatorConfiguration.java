package se.hjalpmedelsnav.simulator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The supplier simulator, in-process in whatever Spring Boot application has it on its classpath and
 * {@code nav.simulator.enabled=true}: registered as an auto-configuration (this module's
 * {@code AutoConfiguration.imports}), so the host needs only the property.
 */
@AutoConfiguration
@ConditionalOnSimulatorEnabled
@EnableConfigurationProperties({SupplierSimulatorProperties.class, SimulatorFileDropProperties.class})
@Import({SimulatedSupplier.class, SimulatorAccessTokens.class, SimulatorEventPusher.class, SimulatorApiGate.class,
        SimulatorTokenController.class, SimulatorOrderController.class, SimulatorDeviceController.class,
        SimulatorAdminController.class, SimulatorIncidentReportController.class, SimulatorFileDrop.class})
public class SupplierSimulatorConfiguration {

    /**
     * The simulator plays an outside party with its own authentication (client credentials and bearer
     * tokens, checked by {@link SimulatorApiGate}), so the host application's web security, its login
     * and its CSRF protection, must not stand in front of {@code /simulator/**}: a filter chain of its
     * own for those paths, ahead of the host's, lets them through. The host's security names no
     * simulator path.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HttpSecurity.class)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class OutsideHostSecurity {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        SecurityFilterChain simulatorSecurity(HttpSecurity http) throws Exception {
            return http.securityMatcher("/simulator/**")
                    .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                    .csrf(AbstractHttpConfigurer::disable)
                    .requestCache(AbstractHttpConfigurer::disable)
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .build();
        }
    }
}
