package se.hjalpmedelsnav.connectors.supplier;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the hub needs to call the supplier's API: its properties and the access token. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SupplierApiProperties.class)
public class SupplierApiConfiguration {

    @Bean
    SupplierAccessToken supplierAccessToken(SupplierApiProperties properties) {
        return new SupplierAccessToken(properties);
    }
}
