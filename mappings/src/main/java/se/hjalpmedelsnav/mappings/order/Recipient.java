package se.hjalpmedelsnav.mappings.order;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The user (brukare) the device is for.
 *
 * @param personalIdentityNumber personnummer or samordningsnummer, in any of the accepted forms
 * @param protection             protected identity (skyddade personuppgifter); anything but NONE
 *                               restricts what leaves the hub and where the device may go
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Recipient(String personalIdentityNumber, String name, IdentityProtection protection, Guardian guardian) {

    public boolean isProtected() {
        return protection != null && protection != IdentityProtection.NONE;
    }

    @Override
    public String toString() {
        return "Recipient[protection=" + protection + "]";
    }
}
