package se.hjalpmedelsnav.simulator;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Runs the supplier simulator on its own ({@code server.port}, 8090 unless set). The simulator
 * itself comes from {@link SupplierSimulatorConfiguration}.
 *
 * <p>No component scan, and a condition only this main method fulfils: a hub that component-scans
 * {@code se.hjalpmedelsnav} must not take this for a second application configuration.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ConditionalOnProperty(name = "nav.simulator.standalone", havingValue = "true")
public class SupplierSimulatorApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(SupplierSimulatorApplication.class);
        // Demo defaults, all overridable by arguments, environment or an application.properties.
        application.setDefaultProperties(Map.of(
                "server.port", "8090",
                "nav.simulator.standalone", "true",
                "nav.simulator.enabled", "true",
                "nav.simulator.client-id", "hjalpmedelsnav",
                "nav.simulator.client-secret", "simulator-demo-secret",
                "nav.simulator.webhook-url", "http://localhost:8080/api/supplier/events"));
        application.run(args);
    }
}
