package se.hjalpmedelsnav.mappings.fault;

import static se.hjalpmedelsnav.mappings.order.TestRegistry.COMMUNICATION_ARTICLE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_WITH_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.OCCUPATIONAL_THERAPIST;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PAYER_OF_CUSTOMER_WITH_BUFFER_STORE;

import java.time.OffsetDateTime;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.order.Contact;
import se.hjalpmedelsnav.mappings.order.OrderBuilder;
import se.hjalpmedelsnav.mappings.order.Orderer;

/**
 * Builds FAULT_REPORT messages for tests. {@link #valid()} passes every rule against the standard test
 * registry on its queue; each test changes only what it is about. People and addresses are fictional.
 */
public final class FaultReportBuilder {

    public static final String DESCRIPTION = "Skärmen släcks efter några minuter.";

    private String kommunCode = PARTY_KOMMUN;
    private OffsetDateTime sentAt = OffsetDateTime.parse("2026-03-02T09:15:00+01:00");
    private String privateContractorOrgNumber;
    private String customerNumber = CUSTOMER_WITH_BUFFER_STORE;
    private String payerNumber = PAYER_OF_CUSTOMER_WITH_BUFFER_STORE;
    private String articleNumber = COMMUNICATION_ARTICLE;
    private Boolean injuryOrRisk = Boolean.FALSE;

    private FaultReportBuilder() {
    }

    public static FaultReportBuilder valid() {
        return new FaultReportBuilder();
    }

    public FaultReportBuilder withKommunCode(String kommunCode) {
        this.kommunCode = kommunCode;
        return this;
    }

    public FaultReportBuilder withSentAt(OffsetDateTime sentAt) {
        this.sentAt = sentAt;
        return this;
    }

    public FaultReportBuilder withPrivateContractor(String orgNumber) {
        this.privateContractorOrgNumber = orgNumber;
        return this;
    }

    public FaultReportBuilder withCustomerNumber(String customerNumber) {
        this.customerNumber = customerNumber;
        return this;
    }

    public FaultReportBuilder withPayerNumber(String payerNumber) {
        this.payerNumber = payerNumber;
        return this;
    }

    public FaultReportBuilder withArticle(String articleNumber) {
        this.articleNumber = articleNumber;
        return this;
    }

    public FaultReportBuilder withInjuryOrRisk(Boolean injuryOrRisk) {
        this.injuryOrRisk = injuryOrRisk;
        return this;
    }

    public FaultReportMessage build() {
        return new FaultReportMessage(MessageType.FAULT_REPORT, "fault-0001", kommunCode, sentAt,
                new Orderer("handlaggare-17", OrderBuilder.ORDERER_NAME, OCCUPATIONAL_THERAPIST, OrderBuilder.PHONE,
                        privateContractorOrgNumber),
                customerNumber, payerNumber, "IND-000123", articleNumber, DESCRIPTION, Boolean.TRUE, injuryOrRisk,
                new DeviceLocation(OrderBuilder.HOME), new Contact(OrderBuilder.RECIPIENT_NAME, OrderBuilder.PHONE));
    }
}
