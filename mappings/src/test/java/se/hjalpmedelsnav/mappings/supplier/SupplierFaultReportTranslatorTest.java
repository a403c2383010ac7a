package se.hjalpmedelsnav.mappings.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static se.hjalpmedelsnav.mappings.supplier.TestReturns.aFaultReport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupplierFaultReportTranslatorTest {

    private static final String HUB_REFERENCE = "9b2d0f3e-5c4a-4f9b-8d72-3e4f5a6b7c81";

    private final SupplierFaultReportTranslator translator = new SupplierFaultReportTranslator();

    private SupplierFaultReport translate(TestReturns.FaultReportBuilder message) {
        return translator.toSupplierFaultReport(message.build(), HUB_REFERENCE, TestOrders.registry());
    }

    @Test
    void carriesReferencesReporterDeviceDescriptionLocationAndContact() {
        SupplierFaultReport report = translate(aFaultReport());

        assertThat(report.faultReportId()).isEqualTo(HUB_REFERENCE);
        assertThat(report.municipalityCode()).isEqualTo(TestOrders.KOMMUN);
        assertThat(report.customer()).isEqualTo(new SupplierCustomer(TestOrders.CUSTOMER_NUMBER, TestOrders.UNIT));
        assertThat(report.payerNumber()).isEqualTo(TestOrders.PAYER_NUMBER);
        assertThat(report.reporter()).isEqualTo(new SupplierOrderer("ord-7", "Olga Orderer", "ARBETSTERAPEUT",
                TestOrders.ORDERER_PHONE, null));
        assertThat(report.deviceId()).isEqualTo("IND-10000001");
        assertThat(report.articleNumber()).isEqualTo("ART-1001");
        assertThat(report.description()).isEqualTo(TestReturns.DESCRIPTION);
        assertThat(report.location()).isEqualTo(new SupplierAddress(null, TestOrders.HOME.street(),
                TestOrders.HOME.postalCode(), TestOrders.HOME.city()));
        assertThat(report.contact()).isEqualTo(new SupplierContact("Kim Kontakt", TestOrders.CONTACT_PHONE));
    }

    @ParameterizedTest(name = "outOfService={0}, injuryOrRisk={1}")
    @CsvSource(nullValues = "null", value = {
            "true,  false, true,  false",
            "false, true,  false, true",
            "null,  null,  false, false",
            "true,  true,  true,  true"})
    void sendsBothFlagsAbsentOnesAsFalse(Boolean outOfService, Boolean injuryOrRisk, boolean expectedOutOfService,
            boolean expectedInjuryOrRisk) {
        SupplierFaultReport report = translate(aFaultReport().outOfService(outOfService).injuryOrRisk(injuryOrRisk));

        assertThat(report.outOfService()).isEqualTo(expectedOutOfService);
        assertThat(report.injuryOrRisk()).isEqualTo(expectedInjuryOrRisk);
    }

    @Test
    void sendsNoLocationWhenNoneWasGiven() {
        assertThat(translate(aFaultReport().location(null)).location()).isNull();
    }

    @Test
    void refusesACustomerNumberTheRegistryDoesNotKnowNamingTheField() {
        assertThatIllegalArgumentException().isThrownBy(() -> translate(aFaultReport().customerNumber("K-9999-99")))
                .withMessageContaining("customerNumber")
                .withMessageNotContaining("K-9999-99");
    }

    @Test
    void refusesAMissingHubReference() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> translator.toSupplierFaultReport(aFaultReport().build(), null, TestOrders.registry()))
                .withMessageContaining("hubReference");
    }
}
