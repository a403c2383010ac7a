package se.hjalpmedelsnav.connectors.http;

import java.time.Duration;
import java.util.Set;
import org.apache.camel.support.DefaultHeaderFilterStrategy;

/**
 * An outside party's HTTP endpoint as the hub calls it: its address and its two time-outs. The one shape of
 * every outbound call (the supplier's API, Läkemedelsverket's and the manufacturer's HTTP channels).
 *
 * @param url             the address called
 * @param connectTimeout  time allowed to open the connection
 * @param responseTimeout time allowed for the answer
 */
public record HttpEndpoint(String url, Duration connectTimeout, Duration responseTimeout) {

    /** The bean name of {@link #headerFilter()} in the hub, as the endpoint URIs name it. */
    public static final String HEADER_FILTER = "outboundHeaderFilter";

    /** Bound from configuration, where a channel not in use leaves the url empty; {@link #camelUri()} needs it. */
    public HttpEndpoint {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(15) : responseTimeout;
    }

    /** The same party, another path under its address. */
    public HttpEndpoint resolve(String path) {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return new HttpEndpoint(base + "/" + (path.startsWith("/") ? path.substring(1) : path), connectTimeout,
                responseTimeout);
    }

    /**
     * The Camel endpoint: every answer comes back to the route, which decides what its status means, and only
     * the headers of {@link #headerFilter()} go out.
     */
    public String camelUri() {
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("an HTTP endpoint needs its url");
        }
        return url + (url.contains("?") ? "&" : "?") + "throwExceptionOnFailure=false"
                + "&headerFilterStrategy=#" + HEADER_FILTER
                + "&connectTimeout=" + connectTimeout.toMillis()
                + "&responseTimeout=" + responseTimeout.toMillis();
    }

    /**
     * Only these headers go to an outside party: the hub's internal properties and whatever a municipality
     * put on its message stay inside.
     */
    public static DefaultHeaderFilterStrategy headerFilter() {
        DefaultHeaderFilterStrategy strategy = new DefaultHeaderFilterStrategy();
        strategy.setFilterOnMatch(false);
        strategy.setLowerCase(true);
        strategy.setOutFilter(Set.of("content-type", "idempotency-key", "authorization", "accept"));
        return strategy;
    }
}
