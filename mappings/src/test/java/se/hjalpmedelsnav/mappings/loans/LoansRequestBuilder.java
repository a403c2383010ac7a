package se.hjalpmedelsnav.mappings.loans;

import java.time.OffsetDateTime;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.order.Orderer;
import se.hjalpmedelsnav.mappings.order.TestRegistry;

/** A valid LOANS_REQUEST from Göteborg's own orderer, by a fictional user's number; each test changes what it needs. */
public final class LoansRequestBuilder {

    /** Fictional, valid check digit (the Tax Agency's test number). */
    public static final String USER = "19121212-1212";

    private String kommunCode = TestRegistry.PARTY_KOMMUN;
    private Orderer orderer = new Orderer("at-4711", "Fiktiva Arbetsterapeut", TestRegistry.OCCUPATIONAL_THERAPIST,
            null, null);
    private String customerNumber;
    private String personalIdentityNumber = USER;
    private String decisionReference;
    private String deviceId;

    public static LoansRequestBuilder valid() {
        return new LoansRequestBuilder();
    }

    public LoansRequestBuilder withKommunCode(String code) {
        this.kommunCode = code;
        return this;
    }

    public LoansRequestBuilder byPrivateContractor(String orgNumber) {
        this.orderer = new Orderer("pu-17", "Fiktiv Utförare", TestRegistry.OCCUPATIONAL_THERAPIST, null, orgNumber);
        return this;
    }

    public LoansRequestBuilder withCustomerNumber(String number) {
        this.customerNumber = number;
        return this;
    }

    public LoansRequestBuilder byPerson(String number) {
        this.personalIdentityNumber = number;
        return this;
    }

    public LoansRequestBuilder byDecision(String reference) {
        this.personalIdentityNumber = null;
        this.decisionReference = reference;
        return this;
    }

    public LoansRequestBuilder alsoByDevice(String id) {
        this.deviceId = id;
        return this;
    }

    public LoansRequestMessage build() {
        return new LoansRequestMessage(MessageType.LOANS_REQUEST, "1480-L-1", kommunCode,
                OffsetDateTime.parse("2026-03-02T09:00:00+01:00"), orderer, customerNumber, personalIdentityNumber,
                decisionReference, deviceId);
    }
}
