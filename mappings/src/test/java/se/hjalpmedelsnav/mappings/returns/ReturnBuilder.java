package se.hjalpmedelsnav.mappings.returns;

import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_WITH_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.OCCUPATIONAL_THERAPIST;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PAYER_OF_CUSTOMER_WITH_BUFFER_STORE;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.order.Address;
import se.hjalpmedelsnav.mappings.order.Contact;
import se.hjalpmedelsnav.mappings.order.OrderBuilder;
import se.hjalpmedelsnav.mappings.order.Orderer;

/**
 * Builds RETURN messages for tests. {@link #valid()} passes every rule against the standard test
 * registry on its queue; each test changes only what it is about. People and addresses are fictional.
 */
public final class ReturnBuilder {

    public static final Address HOME = OrderBuilder.HOME;
    public static final String CONTACT_NAME = "Tolvan Tolvansson";

    private String kommunCode = PARTY_KOMMUN;
    private OffsetDateTime sentAt = OffsetDateTime.parse("2026-03-02T09:15:00+01:00");
    private String privateContractorOrgNumber;
    private String customerNumber = CUSTOMER_WITH_BUFFER_STORE;
    private String payerNumber = PAYER_OF_CUSTOMER_WITH_BUFFER_STORE;
    private List<String> deviceIds = List.of("IND-000123", "IND-000124");
    private ReturnReason reason = ReturnReason.NEED_ENDED;
    private Pickup pickup = new Pickup(HOME, new Contact(CONTACT_NAME, OrderBuilder.PHONE));

    private ReturnBuilder() {
    }

    public static ReturnBuilder valid() {
        return new ReturnBuilder();
    }

    public ReturnBuilder withKommunCode(String kommunCode) {
        this.kommunCode = kommunCode;
        return this;
    }

    public ReturnBuilder withSentAt(OffsetDateTime sentAt) {
        this.sentAt = sentAt;
        return this;
    }

    public ReturnBuilder withPrivateContractor(String orgNumber) {
        this.privateContractorOrgNumber = orgNumber;
        return this;
    }

    public ReturnBuilder withCustomerNumber(String customerNumber) {
        this.customerNumber = customerNumber;
        return this;
    }

    public ReturnBuilder withPayerNumber(String payerNumber) {
        this.payerNumber = payerNumber;
        return this;
    }

    /** Null for none; Arrays.asList so a test may put a null among them. */
    public ReturnBuilder withDeviceIds(String... deviceIds) {
        this.deviceIds = deviceIds == null ? null : Arrays.asList(deviceIds);
        return this;
    }

    public ReturnBuilder withReason(ReturnReason reason) {
        this.reason = reason;
        return this;
    }

    public ReturnBuilder withoutPickup() {
        this.pickup = null;
        return this;
    }

    public ReturnMessage build() {
        return new ReturnMessage(MessageType.RETURN, "return-0001", kommunCode, sentAt,
                new Orderer("handlaggare-17", OrderBuilder.ORDERER_NAME, OCCUPATIONAL_THERAPIST, OrderBuilder.PHONE,
                        privateContractorOrgNumber),
                customerNumber, payerNumber, deviceIds, reason, pickup, null);
    }
}
