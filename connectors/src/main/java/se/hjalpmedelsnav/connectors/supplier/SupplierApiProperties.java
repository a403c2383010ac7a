package se.hjalpmedelsnav.connectors.supplier;

import java.net.URI;
import java.time.Duration;
import se.hjalpmedelsnav.connectors.http.HttpEndpoint;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hub reaches the supplier's API. Deliberately not under {@code spring.security.oauth2.client}:
 * a registration there would make Spring Boot put an OAuth2 login in front of the hub.
 *
 * @param url            base address of the supplier's API (the OpenAPI {@code servers} entry)
 * @param tokenUrl       the supplier's OAuth2 token endpoint
 * @param connectTimeout  time allowed to open a connection, for every call (the deliveries and the token)
 * @param responseTimeout time allowed for an answer, for every call
 */
@ConfigurationProperties("nav.supplier.api")
public record SupplierApiProperties(
        URI url,
        URI tokenUrl,
        String clientId,
        String clientSecret,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration responseTimeout) {

    /** Checked here, not by Bean Validation: Hibernate Validator was 530 classes of every start for four checks. */
    public SupplierApiProperties {
        required(url, "url");
        required(tokenUrl, "token-url");
        required(clientId, "client-id");
        required(clientSecret, "client-secret");
    }

    private static void required(Object value, String property) {
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("nav.supplier.api." + property + " must be set");
        }
    }

    /** A resource of the API ({@code orders}, {@code returns}, ...) as the hub calls it. */
    public HttpEndpoint endpoint(String path) {
        return new HttpEndpoint(url.toString(), connectTimeout, responseTimeout).resolve(path);
    }

    @Override
    public String toString() {
        return "SupplierApiProperties[url=" + url + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId
                + ", clientSecret=[redacted], connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout + "]";
    }
}
