package se.hjalpmedelsnav.mappings.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static se.hjalpmedelsnav.mappings.supplier.TestOrders.anOrder;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.hjalpmedelsnav.mappings.order.DeliveryTarget;

class SupplierRecordsToStringTest {

    private static final SupplierOrder ORDER = new SupplierOrderTranslator().toSupplierOrder(
            anOrder().deliverTo(DeliveryTarget.RECIPIENT, TestOrders.HOME).build(), "ref-1", TestOrders.registry());

    private static final SupplierReturn RETURN = new SupplierReturnTranslator().toSupplierReturn(
            TestReturns.aReturn().build(), "ref-2", TestOrders.registry());
    private static final SupplierFaultReport FAULT_REPORT = new SupplierFaultReportTranslator().toSupplierFaultReport(
            TestReturns.aFaultReport().build(), "ref-3", TestOrders.registry());

    static Stream<Object> recordsHoldingPersonalData() {
        return Stream.of(ORDER, ORDER.recipient(), ORDER.recipient().guardian(), ORDER.orderer(), ORDER.delivery(),
                ORDER.delivery().address(), ORDER.delivery().contact(), RETURN, RETURN.pickup(), RETURN.orderer(),
                FAULT_REPORT, FAULT_REPORT.reporter(), FAULT_REPORT.location(), FAULT_REPORT.contact());
    }

    @ParameterizedTest
    @MethodSource("recordsHoldingPersonalData")
    void keepsPersonalDataOutOfToString(Object record) {
        assertThat(record.toString()).doesNotContain(TestOrders.PERSONAL_ID, TestOrders.RECIPIENT_NAME,
                TestOrders.GUARDIAN_NAME, TestOrders.GUARDIAN_PHONE, "Olga", TestOrders.ORDERER_PHONE,
                TestOrders.CONTACT_PHONE, "Kim Kontakt", TestOrders.HOME.street(), TestOrders.HOME.postalCode(),
                TestReturns.DESCRIPTION, "Portkod");
    }
}
