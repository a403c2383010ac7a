package se.hjalpmedelsnav.hub.incident;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import se.hjalpmedelsnav.connectors.http.HttpEndpoint;
import se.hjalpmedelsnav.connectors.lakemedelsverket.LakemedelsverketChannel;

/**
 * Where incident reports go and how long Läkemedelsverket's confirmation may take ({@code nav.incident.*}).
 *
 * @param authority     the channel to Läkemedelsverket (the report's XML and PDF), a connector of its own
 * @param manufacturer  the channel for the manufacturer's copy
 * @param confirmations where confirmation files are dropped
 * @param deadline      by when a report must be confirmed, and how often that is checked
 */
@ConfigurationProperties("nav.incident")
public record IncidentProperties(LakemedelsverketChannel authority, Manufacturer manufacturer, Confirmations confirmations,
        Deadline deadline) {

    public enum ManufacturerChannel { SUPPLIER, FOLDER, HTTP }

    public record Manufacturer(@DefaultValue("SUPPLIER") ManufacturerChannel channel, String folder, HttpEndpoint http) {
    }

    /** @param errorFolder where a confirmation file that cannot be used is moved, with its reason beside it */
    public record Confirmations(String folder, String errorFolder, @DefaultValue("1s") Duration pollDelay) {
    }

    /**
     * @param serious       for a death or a serious injury
     * @param other         for any other consequence
     * @param checkInterval how often unconfirmed reports are checked against their deadline
     */
    public record Deadline(@DefaultValue("P2D") Duration serious, @DefaultValue("P7D") Duration other,
            @DefaultValue("60s") Duration checkInterval) {
    }
}
