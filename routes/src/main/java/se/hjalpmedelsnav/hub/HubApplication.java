package se.hjalpmedelsnav.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Hjälpmedelsnav: the integration hub between the county's municipalities and the supplier. */
@SpringBootApplication(scanBasePackages = "se.hjalpmedelsnav")
@ConfigurationPropertiesScan("se.hjalpmedelsnav")
@EnableScheduling
public class HubApplication {

    public static void main(String[] args) {
        SpringApplication.run(HubApplication.class, args);
    }
}
