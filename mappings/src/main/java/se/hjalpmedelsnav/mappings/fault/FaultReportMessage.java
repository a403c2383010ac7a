package se.hjalpmedelsnav.mappings.fault;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import se.hjalpmedelsnav.mappings.message.CustomerAccountMessage;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.order.Contact;
import se.hjalpmedelsnav.mappings.order.Orderer;

/**
 * A FAULT_REPORT (felanmälan, arbetsorder) on one device, placed on a municipality's customer and payer
 * numbers. With {@code injuryOrRisk} on a medical device an incident report is due as well.
 *
 * @param orderer       the reporter
 * @param deviceId      the supplier's id (individnummer) of the faulty device
 * @param outOfService  whether the device cannot be used until repaired
 * @param injuryOrRisk  whether the fault injured someone or could have
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultReportMessage(
        MessageType type,
        String messageId,
        String kommunCode,
        OffsetDateTime sentAt,
        Orderer orderer,
        String customerNumber,
        String payerNumber,
        String deviceId,
        String articleNumber,
        String description,
        Boolean outOfService,
        Boolean injuryOrRisk,
        DeviceLocation location,
        Contact contact) implements CustomerAccountMessage {

    @Override
    public String toString() {
        // The description is free text and may name the user; location and contact are personal.
        return "FaultReportMessage[messageId=" + messageId + ", kommunCode=" + kommunCode + ", customerNumber="
                + customerNumber + ", deviceId=" + deviceId + ", articleNumber=" + articleNumber + ", outOfService="
                + outOfService + ", injuryOrRisk=" + injuryOrRisk + "]";
    }
}
