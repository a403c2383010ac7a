package se.hjalpmedelsnav.connectors.supplier;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the hub reaches the supplier's API. Deliberately not under {@code spring.security.oauth2.client}:
 * a registration there would make Spring Boot put an OAuth2 login in front of the hub.
 *
 * @param url            base address of the supplier's API (the OpenAPI {@code servers} entry)
 * @param tokenUrl       the supplier's OAuth2 token endpoint
 * @param connectTimeout time allowed to open a connection
 * @param readTimeout    time allowed for an answer
 */
@Validated
@ConfigurationProperties("nav.supplier.api")
public record SupplierApiProperties(
        @NotNull URI url,
        @NotNull URI tokenUrl,
        @NotBlank String clientId,
        @NotBlank String clientSecret,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout) {

    @Override
    public String toString() {
        return "SupplierApiProperties[url=" + url + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId
                + ", clientSecret=[redacted], connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
