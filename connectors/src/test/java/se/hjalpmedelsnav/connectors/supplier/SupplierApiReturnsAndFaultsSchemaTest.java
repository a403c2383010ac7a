package se.hjalpmedelsnav.connectors.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import se.hjalpmedelsnav.mappings.fault.DeviceLocation;
import se.hjalpmedelsnav.mappings.fault.FaultReportMessage;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.order.Address;
import se.hjalpmedelsnav.mappings.order.Contact;
import se.hjalpmedelsnav.mappings.order.Orderer;
import se.hjalpmedelsnav.mappings.registry.CustomerNumber;
import se.hjalpmedelsnav.mappings.registry.Municipality;
import se.hjalpmedelsnav.mappings.registry.Registry;
import se.hjalpmedelsnav.mappings.returns.Pickup;
import se.hjalpmedelsnav.mappings.returns.ReturnMessage;
import se.hjalpmedelsnav.mappings.returns.ReturnReason;
import se.hjalpmedelsnav.mappings.supplier.SupplierEvent;
import se.hjalpmedelsnav.mappings.supplier.SupplierEventType;
import se.hjalpmedelsnav.mappings.supplier.SupplierFaultReportReceipt;
import se.hjalpmedelsnav.mappings.supplier.SupplierFaultReportStatus;
import se.hjalpmedelsnav.mappings.supplier.SupplierFaultReportTranslator;
import se.hjalpmedelsnav.mappings.supplier.SupplierReceiptStatus;
import se.hjalpmedelsnav.mappings.supplier.SupplierReturnReceipt;
import se.hjalpmedelsnav.mappings.supplier.SupplierReturnStatus;
import se.hjalpmedelsnav.mappings.supplier.SupplierReturnTranslator;

/** Translated returns and fault reports, their receipts and their events serialise to what the contract describes. */
class SupplierApiReturnsAndFaultsSchemaTest {

    private static final String HUB_REFERENCE = "7a1c9e2d-4b3f-4e8a-9c61-2d3e4f5a6b70";
    private static final OffsetDateTime SENT_AT = OffsetDateTime.parse("2026-11-23T10:15:00+01:00");
    private static final Registry REGISTRY = new Registry(List.of(new Municipality("1480", "Göteborg", true, List.of(
            new CustomerNumber("K-1480-01", "Hemtjänst Centrum (fiktiv)", List.of("B-1480-01"), null)))),
            List.of(), List.of(), List.of());
    private static final Orderer ORDERER = new Orderer("ord-7", "Olga Orderer", "ARBETSTERAPEUT", "031-2222222", null);
    private static final Address HOME = new Address(null, "Hemvägen 1", "41101", "Göteborg");
    private static final Contact CONTACT = new Contact("Kim Kontakt", "031-3333333");

    private final SupplierApiSchema schema = new SupplierApiSchema();
    /** Configured as Spring Boot configures the hub's mapper. */
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @ParameterizedTest
    @EnumSource(ReturnReason.class)
    void translatedReturnFollowsTheContractForEveryReason(ReturnReason reason) {
        ReturnMessage message = new ReturnMessage(MessageType.RETURN, "msg-2", "1480", SENT_AT, ORDERER, "K-1480-01",
                "B-1480-01", List.of("IND-10000001", "IND-10000002"), reason, new Pickup(HOME, CONTACT), "Portkod 1234");

        var supplierReturn = new SupplierReturnTranslator().toSupplierReturn(message, HUB_REFERENCE, REGISTRY);

        assertThat(schema.violations(json.valueToTree(supplierReturn), "SupplierReturn")).isEmpty();
    }

    @Test
    void translatedFaultReportFollowsTheContract() {
        FaultReportMessage message = new FaultReportMessage(MessageType.FAULT_REPORT, "msg-3", "1480", SENT_AT, ORDERER,
                "K-1480-01", "B-1480-01", "IND-10000001", "ART-1001", "Larmet piper", null, true,
                new DeviceLocation(HOME), CONTACT);

        var faultReport = new SupplierFaultReportTranslator().toSupplierFaultReport(message, HUB_REFERENCE, REGISTRY);

        assertThat(schema.violations(json.valueToTree(faultReport), "SupplierFaultReport")).isEmpty();
    }

    @Test
    void receiptsFollowTheContract() {
        assertThat(schema.violations(json.valueToTree(new SupplierReturnReceipt("SR-1", SupplierReceiptStatus.RECEIVED)),
                "SupplierReturnReceipt")).isEmpty();
        assertThat(schema.violations(json.valueToTree(
                new SupplierFaultReportReceipt("SF-1", SupplierReceiptStatus.RECEIVED)), "SupplierFaultReportReceipt"))
                .isEmpty();
    }

    static Stream<Arguments> events() {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-24T09:00:00+01:00");
        return Stream.of(
                Arguments.of(SupplierEvent.returnStatus("e1", HUB_REFERENCE, "SR-1", SupplierReturnStatus.PICKED_UP, at)),
                Arguments.of(SupplierEvent.returnStatus("e2", HUB_REFERENCE, "SR-1", SupplierReturnStatus.LOST_REGISTERED, at)),
                Arguments.of(SupplierEvent.faultReportStatus("e3", HUB_REFERENCE, "SF-1",
                        SupplierFaultReportStatus.DEVICE_REPLACED, List.of("IND-10000099"), at)));
    }

    @ParameterizedTest
    @MethodSource("events")
    void returnAndFaultReportEventsFollowTheContract(SupplierEvent event) {
        assertThat(schema.violations(json.valueToTree(event), "SupplierEvent")).isEmpty();
    }

    @Test
    void refusesAnEventWhoseStatusBelongsToAnotherType() {
        ObjectNode event = json.valueToTree(SupplierEvent.returnStatus("e1", HUB_REFERENCE, "SR-1",
                SupplierReturnStatus.PICKED_UP, OffsetDateTime.parse("2026-11-24T09:00:00+01:00")));
        event.put("eventType", SupplierEventType.ORDER_STATUS.name());

        assertThat(schema.violations(event, "SupplierEvent")).isNotEmpty();
    }
}
