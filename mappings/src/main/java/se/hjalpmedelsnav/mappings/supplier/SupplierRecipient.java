package se.hjalpmedelsnav.mappings.supplier;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The user (brukare) the device is for. For a user with protected identity only the identity
 * number and the flag leave the hub: name and guardian are null and so absent from the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SupplierRecipient(String personalIdentityNumber, String name, boolean protectedIdentity,
        SupplierContact guardian) {

    @Override
    public String toString() {
        return "SupplierRecipient[protectedIdentity=" + protectedIdentity + "]";
    }
}
