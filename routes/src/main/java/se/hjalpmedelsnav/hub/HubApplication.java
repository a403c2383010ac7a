package se.hjalpmedelsnav.hub;

import javax.xml.transform.TransformerFactory;
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
        useTheJdksXsltByDefault();
        SpringApplication.run(HubApplication.class, args);
    }

    /**
     * Saxon (there for the Peppol rules, which ask for it by name) would otherwise be every XSLT user's default
     * through its service file: Spring's JAXB message converter makes a TransformerFactory at start and loaded some
     * 300-700 of Saxon's classes, and their lambdas from its signed jar crashed the JDK 17 dump of the class-data
     * archive the tests start the hub with. A deployment that sets the property keeps its choice.
     */
    static void useTheJdksXsltByDefault() {
        String property = TransformerFactory.class.getName();
        if (System.getProperty(property) == null) {
            System.setProperty(property, TransformerFactory.newDefaultInstance().getClass().getName());
        }
    }
}
