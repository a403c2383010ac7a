package se.hjalpmedelsnav.mappings.returns;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import se.hjalpmedelsnav.mappings.message.CustomerAccountMessage;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.order.Orderer;

/**
 * A RETURN (återlämning, hämtorder): devices on loan go back to the supplier, or are reported lost.
 * Placed on a municipality's customer and payer numbers like an order; JSON and XML share this
 * structure ({@code schema/kommun-message.schema.json}, {@code schema/kommun-message.xsd}).
 *
 * @param deviceIds the supplier's ids (individnummer) of the devices, 1 to 100, each once
 * @param pickup    where to fetch them; required unless {@code reason} is LOST
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReturnMessage(
        MessageType type,
        String messageId,
        String kommunCode,
        OffsetDateTime sentAt,
        Orderer orderer,
        String customerNumber,
        String payerNumber,
        List<String> deviceIds,
        ReturnReason reason,
        Pickup pickup,
        String note) implements CustomerAccountMessage {

    @Override
    public String toString() {
        // The pickup address is often the user's home: never in a log line.
        return "ReturnMessage[messageId=" + messageId + ", kommunCode=" + kommunCode + ", customerNumber="
                + customerNumber + ", reason=" + reason + ", devices=" + (deviceIds == null ? 0 : deviceIds.size())
                + "]";
    }
}
