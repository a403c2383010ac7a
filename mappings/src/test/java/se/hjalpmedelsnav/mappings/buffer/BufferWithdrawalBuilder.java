package se.hjalpmedelsnav.mappings.buffer;

import static se.hjalpmedelsnav.mappings.order.TestRegistry.COMMUNICATION_ARTICLE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_WITH_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.OCCUPATIONAL_THERAPIST;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PAYER_OF_CUSTOMER_WITH_BUFFER_STORE;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.order.Decision;
import se.hjalpmedelsnav.mappings.order.IdentityProtection;
import se.hjalpmedelsnav.mappings.order.OrderBuilder;
import se.hjalpmedelsnav.mappings.order.OrderProcess;
import se.hjalpmedelsnav.mappings.order.Orderer;
import se.hjalpmedelsnav.mappings.order.Recipient;
import se.hjalpmedelsnav.mappings.order.TestRegistry;

/** A valid buffer withdrawal in the standard test registry; each test changes only what matters to it. */
public final class BufferWithdrawalBuilder {

    public static final String DEVICE_ID = "IND-770001";

    private String kommunCode = PARTY_KOMMUN;
    private String role = OCCUPATIONAL_THERAPIST;
    private String privateContractor;
    private String customerNumber = CUSTOMER_WITH_BUFFER_STORE;
    private String payerNumber = PAYER_OF_CUSTOMER_WITH_BUFFER_STORE;
    private String articleNumber = COMMUNICATION_ARTICLE;
    private String personalIdentityNumber = OrderBuilder.PERSONAL_IDENTITY_NUMBER;
    private IdentityProtection protection = IdentityProtection.NONE;
    private Boolean riskAnalysisDone = true;
    private Boolean consentObtained = true;

    public static BufferWithdrawalBuilder valid() {
        return new BufferWithdrawalBuilder();
    }

    public BufferWithdrawalBuilder withKommunCode(String value) {
        kommunCode = value;
        return this;
    }

    public BufferWithdrawalBuilder withRole(String value) {
        role = value;
        return this;
    }

    public BufferWithdrawalBuilder withPrivateContractor(String orgNumber) {
        privateContractor = orgNumber;
        return this;
    }

    public BufferWithdrawalBuilder withCustomerNumber(String value) {
        customerNumber = value;
        return this;
    }

    public BufferWithdrawalBuilder withPayerNumber(String value) {
        payerNumber = value;
        return this;
    }

    public BufferWithdrawalBuilder withArticle(String value) {
        articleNumber = value;
        return this;
    }

    public BufferWithdrawalBuilder withPersonalIdentityNumber(String value) {
        personalIdentityNumber = value;
        return this;
    }

    public BufferWithdrawalBuilder withProtection(IdentityProtection value) {
        protection = value;
        return this;
    }

    public BufferWithdrawalBuilder withRiskAnalysisDone(Boolean value) {
        riskAnalysisDone = value;
        return this;
    }

    public BufferWithdrawalBuilder withConsentObtained(Boolean value) {
        consentObtained = value;
        return this;
    }

    public BufferWithdrawalMessage build() {
        OffsetDateTime sentAt = TestRegistry.ORDER_DATE.atTime(10, 15).atOffset(ZoneOffset.ofHours(1));
        return new BufferWithdrawalMessage(MessageType.BUFFER_WITHDRAWAL, "bw-1", kommunCode, sentAt,
                new Orderer("at-1", OrderBuilder.ORDERER_NAME, role, OrderBuilder.PHONE, privateContractor),
                customerNumber, payerNumber, DEVICE_ID, articleNumber,
                new Recipient(personalIdentityNumber, OrderBuilder.RECIPIENT_NAME, protection, null),
                new Decision("BES-77", OrderProcess.EXECUTION, TestRegistry.ORDER_DATE.minusDays(3)),
                riskAnalysisDone, consentObtained, sentAt.minusHours(1));
    }
}
