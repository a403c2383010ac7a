package se.hjalpmedelsnav.mappings.order;

import static se.hjalpmedelsnav.mappings.order.TestRegistry.COMMUNICATION_ARTICLE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_WITH_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.OCCUPATIONAL_THERAPIST;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PAYER_OF_CUSTOMER_WITH_BUFFER_STORE;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import se.hjalpmedelsnav.mappings.message.MessageType;

/**
 * Builds ORDER messages for tests. {@link #valid()} passes every rule against
 * {@link TestRegistry#standard()} on its queue ({@link TestRegistry#PARTY_KOMMUN}); each test changes
 * only what it is about. The person is fictional; 19121212-1212 is the Tax Agency's classic test number.
 */
public final class OrderBuilder {

    public static final String PERSONAL_IDENTITY_NUMBER = "19121212-1212";
    public static final String RECIPIENT_NAME = "Tolvan Tolvansson";
    public static final String ORDERER_NAME = "Bea Ställare";
    public static final String PHONE = "031-000 00 00";
    public static final Address HOME = new Address(null, "Testgatan 12", "41112", "Göteborg");

    private String messageId = "order-0001";
    private String kommunCode = PARTY_KOMMUN;
    private OffsetDateTime sentAt = OffsetDateTime.parse("2026-03-02T09:15:00+01:00");
    private String ordererRole = OCCUPATIONAL_THERAPIST;
    private String privateContractorOrgNumber;
    private String customerNumber = CUSTOMER_WITH_BUFFER_STORE;
    private String payerNumber = PAYER_OF_CUSTOMER_WITH_BUFFER_STORE;
    private String personalIdentityNumber = PERSONAL_IDENTITY_NUMBER;
    private IdentityProtection protection = IdentityProtection.NONE;
    private DeliveryTarget deliveryTarget = DeliveryTarget.RECIPIENT;
    private Address deliveryAddress = HOME;
    private Boolean riskAnalysisDone = Boolean.TRUE;
    private Boolean consentObtained = Boolean.TRUE;
    private List<OrderLine> lines = List.of(new OrderLine(COMMUNICATION_ARTICLE, 1));

    private OrderBuilder() {
    }

    public static OrderBuilder valid() {
        return new OrderBuilder();
    }

    public OrderBuilder withMessageId(String messageId) {
        this.messageId = messageId;
        return this;
    }

    public OrderBuilder withKommunCode(String kommunCode) {
        this.kommunCode = kommunCode;
        return this;
    }

    public OrderBuilder withSentAt(OffsetDateTime sentAt) {
        this.sentAt = sentAt;
        return this;
    }

    public OrderBuilder withRole(String role) {
        this.ordererRole = role;
        return this;
    }

    public OrderBuilder withPrivateContractor(String orgNumber) {
        this.privateContractorOrgNumber = orgNumber;
        return this;
    }

    public OrderBuilder withCustomerNumber(String customerNumber) {
        this.customerNumber = customerNumber;
        return this;
    }

    public OrderBuilder withPayerNumber(String payerNumber) {
        this.payerNumber = payerNumber;
        return this;
    }

    public OrderBuilder withPersonalIdentityNumber(String personalIdentityNumber) {
        this.personalIdentityNumber = personalIdentityNumber;
        return this;
    }

    public OrderBuilder withProtection(IdentityProtection protection) {
        this.protection = protection;
        return this;
    }

    public OrderBuilder withDeliveryTo(DeliveryTarget target) {
        this.deliveryTarget = target;
        return this;
    }

    public OrderBuilder withDeliveryAddress(Address address) {
        this.deliveryAddress = address;
        return this;
    }

    public OrderBuilder withoutDeliveryAddress() {
        return withDeliveryAddress(null);
    }

    public OrderBuilder withRiskAnalysisDone(Boolean done) {
        this.riskAnalysisDone = done;
        return this;
    }

    public OrderBuilder withConsentObtained(Boolean obtained) {
        this.consentObtained = obtained;
        return this;
    }

    /** One line of quantity 1 per article number, in the order given. */
    public OrderBuilder withArticles(String... articleNumbers) {
        this.lines = Arrays.stream(articleNumbers).map(number -> new OrderLine(number, 1)).toList();
        return this;
    }

    public OrderMessage build() {
        return new OrderMessage(MessageType.ORDER, messageId, kommunCode, sentAt,
                new Orderer("handlaggare-17", ORDERER_NAME, ordererRole, PHONE, privateContractorOrgNumber),
                customerNumber, payerNumber,
                new Decision("BESLUT-2026-0042", OrderProcess.AUTHORITY, LocalDate.of(2026, 2, 20)),
                new Recipient(personalIdentityNumber, RECIPIENT_NAME, protection, null),
                new Delivery(deliveryTarget, deliveryAddress, new Contact(RECIPIENT_NAME, PHONE)),
                riskAnalysisDone, consentObtained, lines, null);
    }
}
