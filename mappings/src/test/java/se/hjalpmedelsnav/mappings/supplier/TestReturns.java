package se.hjalpmedelsnav.mappings.supplier;

import java.time.OffsetDateTime;
import java.util.List;
import se.hjalpmedelsnav.mappings.fault.DeviceLocation;
import se.hjalpmedelsnav.mappings.fault.FaultReportMessage;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.order.Address;
import se.hjalpmedelsnav.mappings.order.Contact;
import se.hjalpmedelsnav.mappings.order.Orderer;
import se.hjalpmedelsnav.mappings.returns.Pickup;
import se.hjalpmedelsnav.mappings.returns.ReturnMessage;
import se.hjalpmedelsnav.mappings.returns.ReturnReason;

/** Fictional RETURN and FAULT_REPORT builders with sensible defaults, on {@link TestOrders}' registry. */
final class TestReturns {

    static final OffsetDateTime SENT_AT = OffsetDateTime.parse("2026-11-23T10:15:00+01:00");
    static final Orderer ORDERER = new Orderer("ord-7", "Olga Orderer", "ARBETSTERAPEUT", TestOrders.ORDERER_PHONE, null);
    static final Contact CONTACT = new Contact("Kim Kontakt", TestOrders.CONTACT_PHONE);
    static final String DESCRIPTION = "Tolvans larm piper hela natten";

    private TestReturns() {
    }

    static ReturnBuilder aReturn() {
        return new ReturnBuilder();
    }

    static FaultReportBuilder aFaultReport() {
        return new FaultReportBuilder();
    }

    static final class ReturnBuilder {
        private String customerNumber = TestOrders.CUSTOMER_NUMBER;
        private List<String> deviceIds = List.of("IND-10000001", "IND-10000002");
        private ReturnReason reason = ReturnReason.NEED_ENDED;
        private Pickup pickup = new Pickup(TestOrders.HOME, CONTACT);

        ReturnBuilder customerNumber(String value) {
            customerNumber = value;
            return this;
        }

        ReturnBuilder deviceIds(String... value) {
            deviceIds = List.of(value);
            return this;
        }

        ReturnBuilder reason(ReturnReason value) {
            reason = value;
            return this;
        }

        ReturnBuilder pickup(Pickup value) {
            pickup = value;
            return this;
        }

        ReturnMessage build() {
            return new ReturnMessage(MessageType.RETURN, "msg-2", TestOrders.KOMMUN, SENT_AT, ORDERER, customerNumber,
                    TestOrders.PAYER_NUMBER, deviceIds, reason, pickup, "Portkod 1234");
        }
    }

    static final class FaultReportBuilder {
        private String customerNumber = TestOrders.CUSTOMER_NUMBER;
        private Boolean outOfService = true;
        private Boolean injuryOrRisk = false;
        private Address location = TestOrders.HOME;

        FaultReportBuilder customerNumber(String value) {
            customerNumber = value;
            return this;
        }

        FaultReportBuilder outOfService(Boolean value) {
            outOfService = value;
            return this;
        }

        FaultReportBuilder injuryOrRisk(Boolean value) {
            injuryOrRisk = value;
            return this;
        }

        FaultReportBuilder location(Address value) {
            location = value;
            return this;
        }

        FaultReportMessage build() {
            return new FaultReportMessage(MessageType.FAULT_REPORT, "msg-3", TestOrders.KOMMUN, SENT_AT, ORDERER,
                    customerNumber, TestOrders.PAYER_NUMBER, "IND-10000001", "ART-1001", DESCRIPTION, outOfService,
                    injuryOrRisk, location == null ? null : new DeviceLocation(location), CONTACT);
        }
    }
}
