package se.hjalpmedelsnav.mappings.incident;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The device the incident concerns.
 *
 * @param serialOrLot   the serial or lot (batch) number the manufacturer marked it with
 * @param udiDi         the UDI device identifier; when given as digits it is a GS1 GTIN with a check digit
 * @param deviceId      the supplier's id (individnummer), where the device came through the supplier
 * @param medicalDevice whether the device is a medical device (medicinteknisk produkt)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentDevice(String name, String manufacturer, String model, String articleNumber, String serialOrLot,
        String udiDi, String deviceId, Boolean medicalDevice) {
}
