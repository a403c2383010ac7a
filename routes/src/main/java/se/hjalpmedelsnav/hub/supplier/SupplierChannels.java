package se.hjalpmedelsnav.hub.supplier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import se.hjalpmedelsnav.mappings.message.MessageType;

/**
 * How each message type reaches the supplier ({@code nav.supplier.channel.*}): its API or its file
 * drop. Exactly one delivery route per type is started, the one of its channel.
 *
 * @param order       {@code nav.supplier.channel.order}
 * @param returns     {@code nav.supplier.channel.return}
 * @param faultReport {@code nav.supplier.channel.fault-report}
 */
@ConfigurationProperties("nav.supplier.channel")
public record SupplierChannels(
        @DefaultValue("API") Channel order,
        @Name("return") @DefaultValue("API") Channel returns,
        @DefaultValue("API") Channel faultReport) {

    public enum Channel { API, FILE_DROP }

    public Channel of(MessageType type) {
        return switch (type) {
            case ORDER, BUFFER_WITHDRAWAL -> order;
            case RETURN -> returns;
            case FAULT_REPORT -> faultReport;
            case INCIDENT_REPORT -> throw new IllegalArgumentException("incident reports do not go to the supplier");
            case LOANS_REQUEST, FOLLOW_UP_DONE -> throw new IllegalArgumentException(type + " is the hub's own to answer");
        };
    }
}
