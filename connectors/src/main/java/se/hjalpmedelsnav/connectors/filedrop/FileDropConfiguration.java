package se.hjalpmedelsnav.connectors.filedrop;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the hub needs to reach the supplier file drop: its properties and its Camel endpoints. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FileDropProperties.class)
public class FileDropConfiguration {

    @Bean
    FileDropEndpoints fileDropEndpoints(FileDropProperties properties) {
        return new FileDropEndpoints(properties);
    }
}
