package se.hjalpmedelsnav.mappings.supplier;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.order.Address;
import se.hjalpmedelsnav.mappings.order.Contact;
import se.hjalpmedelsnav.mappings.order.Decision;
import se.hjalpmedelsnav.mappings.order.Delivery;
import se.hjalpmedelsnav.mappings.order.DeliveryTarget;
import se.hjalpmedelsnav.mappings.order.Guardian;
import se.hjalpmedelsnav.mappings.order.IdentityProtection;
import se.hjalpmedelsnav.mappings.order.OrderLine;
import se.hjalpmedelsnav.mappings.order.OrderMessage;
import se.hjalpmedelsnav.mappings.order.OrderProcess;
import se.hjalpmedelsnav.mappings.order.Orderer;
import se.hjalpmedelsnav.mappings.order.Recipient;
import se.hjalpmedelsnav.mappings.registry.BufferStore;
import se.hjalpmedelsnav.mappings.registry.CustomerNumber;
import se.hjalpmedelsnav.mappings.registry.Municipality;
import se.hjalpmedelsnav.mappings.registry.Registry;

/** Fictional test data: a small registry and an ORDER builder with sensible defaults. */
final class TestOrders {

    static final String KOMMUN = "1480";
    static final String CUSTOMER_NUMBER = "K-1480-01";
    static final String CUSTOMER_WITHOUT_BUFFER_STORE = "K-1480-02";
    static final String UNIT = "Hemtjänst Centrum (fiktiv)";
    static final String PAYER_NUMBER = "B-1480-01";
    /** The Tax Agency's classic test number, born 1912-12-12, valid check digit. */
    static final String PERSONAL_ID = "191212121212";
    static final String RECIPIENT_NAME = "Tolvan Tolvansson";
    static final String GUARDIAN_NAME = "Gudrun Godman";
    static final String GUARDIAN_PHONE = "070-1111111";
    static final String ORDERER_PHONE = "031-2222222";
    static final String CONTACT_PHONE = "031-3333333";
    static final Address HOME = new Address(null, "Hemvägen 1", "41101", "Göteborg");
    static final Address UNIT_ADDRESS = new Address("Hemtjänst Centrum", "Enhetsgatan 2", "41102", "Göteborg");
    static final Address BUFFER_STORE = new Address("Bufferförrådet", "Lagergatan 3", "41103", "Göteborg");

    private TestOrders() {
    }

    static Registry registry() {
        return new Registry(List.of(new Municipality(KOMMUN, "Göteborg", true, List.of(
                new CustomerNumber(CUSTOMER_NUMBER, UNIT, List.of(PAYER_NUMBER), BufferStore.at(BUFFER_STORE)),
                new CustomerNumber(CUSTOMER_WITHOUT_BUFFER_STORE, "Enhet utan förråd", List.of(PAYER_NUMBER),
                        null)))),
                List.of(), List.of(), List.of());
    }

    static Builder anOrder() {
        return new Builder();
    }

    static final class Builder {
        private String customerNumber = CUSTOMER_NUMBER;
        private IdentityProtection protection = IdentityProtection.NONE;
        private DeliveryTarget target = DeliveryTarget.UNIT;
        private Address address = UNIT_ADDRESS;
        private String privateContractorOrgNumber;
        private List<OrderLine> lines = List.of(new OrderLine("ART-1001", 2), new OrderLine("ART-2002", 1));
        private String note = "Ring innan leverans";
        private String personalId = PERSONAL_ID;

        Builder personalIdentityNumber(String value) {
            personalId = value;
            return this;
        }

        Builder customerNumber(String value) {
            customerNumber = value;
            return this;
        }

        Builder protection(IdentityProtection value) {
            protection = value;
            return this;
        }

        Builder deliverTo(DeliveryTarget value, Address value2) {
            target = value;
            address = value2;
            return this;
        }

        Builder privateContractor(String orgNumber) {
            privateContractorOrgNumber = orgNumber;
            return this;
        }

        Builder lines(OrderLine... value) {
            lines = List.of(value);
            return this;
        }

        OrderMessage build() {
            return new OrderMessage(MessageType.ORDER, "msg-1", KOMMUN, OffsetDateTime.parse("2026-11-23T10:15:00+01:00"),
                    new Orderer("ord-7", "Olga Orderer", "ARBETSTERAPEUT", ORDERER_PHONE, privateContractorOrgNumber),
                    customerNumber, PAYER_NUMBER,
                    new Decision("BESLUT-2026-17", OrderProcess.EXECUTION, LocalDate.parse("2026-11-20")),
                    new Recipient(personalId, RECIPIENT_NAME, protection, new Guardian(GUARDIAN_NAME, GUARDIAN_PHONE)),
                    new Delivery(target, address, new Contact("Kim Kontakt", CONTACT_PHONE)),
                    true, true, lines, note);
        }
    }
}
