package se.hjalpmedelsnav.connectors.supplier;

import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * The access token the hub presents to the supplier's API, obtained with the OAuth2 client
 * credentials grant. Spring Security keeps the token and fetches a new one only when the old one
 * is about to expire (one minute before, the library's default clock skew).
 *
 * <p>The client registration, its repository and the authorized-client service are kept inside
 * this object on purpose: as beans, Spring Boot would add an OAuth2 login to the hub's web security.
 */
public final class SupplierAccessToken {

    static final String REGISTRATION_ID = "supplier-api";
    /** Client credentials act for the hub itself, not for a user: one principal for all calls. */
    private static final String PRINCIPAL = "hjalpmedelsnav";

    private final String clientId;
    private final String tokenUrl;
    private final OAuth2AuthorizedClientService authorizedClients;
    private final AuthorizedClientServiceOAuth2AuthorizedClientManager clientManager;

    public SupplierAccessToken(SupplierApiProperties properties) {
        this(properties, Clock.systemUTC());
    }

    /** With a clock of the test's choosing, to pass a token's expiry without waiting for it. */
    SupplierAccessToken(SupplierApiProperties properties, Clock clock) {
        this.clientId = properties.clientId();
        this.tokenUrl = properties.tokenUrl().toString();
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .tokenUri(tokenUrl)
                .build();
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
        this.authorizedClients = new InMemoryOAuth2AuthorizedClientService(registrations);

        RestClientClientCredentialsTokenResponseClient tokenResponseClient =
                new RestClientClientCredentialsTokenResponseClient();
        tokenResponseClient.setRestClient(tokenEndpointClient(properties));
        ClientCredentialsOAuth2AuthorizedClientProvider provider = new ClientCredentialsOAuth2AuthorizedClientProvider();
        provider.setAccessTokenResponseClient(tokenResponseClient);
        provider.setClock(clock);

        this.clientManager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
        this.clientManager.setAuthorizedClientProvider(provider);
    }

    /** The same converters and error handling as the library's default client, with our time-outs. */
    private static RestClient tokenEndpointClient(SupplierApiProperties properties) {
        ClientHttpRequestFactorySettings settings = ClientHttpRequestFactorySettings.defaults()
                .withConnectTimeout(properties.connectTimeout())
                .withReadTimeout(properties.responseTimeout());
        return RestClient.builder()
                // HTTP/1.1: the JDK client's h2c upgrade of a POST is refused by some servers (Jetty).
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk()
                        .withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1))
                        .build(settings))
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
    }

    /**
     * A valid access token, from the cache or freshly fetched.
     *
     * @throws org.springframework.security.oauth2.client.ClientAuthorizationException when the token
     *         endpoint refuses the client or cannot be reached
     */
    public String bearerToken() {
        OAuth2AuthorizedClient client = clientManager.authorize(
                OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION_ID).principal(PRINCIPAL).build());
        if (client == null) {
            throw new IllegalStateException("No access token for the supplier API from " + tokenUrl);
        }
        return client.getAccessToken().getTokenValue();
    }

    /**
     * Forgets the cached token, for when the supplier answers 401 to a token that has not expired
     * (revoked, or the supplier restarted): the next {@link #bearerToken()} fetches a new one.
     */
    public void invalidate() {
        authorizedClients.removeAuthorizedClient(REGISTRATION_ID, PRINCIPAL);
    }

    /** The {@code Authorization} header of a call to the supplier's API. */
    public String authorization() {
        return "Bearer " + bearerToken();
    }

    /**
     * What every call to the supplier's API does with an answer it could not use: a 401 or 403 means the token
     * was refused, so the next call fetches a new one.
     */
    public void refusedWith(int httpStatus) {
        if (httpStatus == 401 || httpStatus == 403) {
            invalidate();
        }
    }

    @Override
    public String toString() {
        return "SupplierAccessToken[clientId=" + clientId + ", tokenUrl=" + tokenUrl + "]";
    }
}
