package se.hjalpmedelsnav.hub.supplier.filedrop;

import java.time.Clock;
import java.time.LocalDate;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.broker.MessageProperties;
import se.hjalpmedelsnav.hub.supplier.SupplierDeliveries;
import se.hjalpmedelsnav.mappings.buffer.BufferStoreOrders;
import se.hjalpmedelsnav.mappings.buffer.BufferStoreOrders.OrderToSupplier;
import se.hjalpmedelsnav.mappings.fault.FaultReportMessage;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.peppol.PeppolOrderWriter;
import se.hjalpmedelsnav.mappings.registry.Municipality;
import se.hjalpmedelsnav.mappings.registry.Registry;
import se.hjalpmedelsnav.mappings.registry.RegistrySource;
import se.hjalpmedelsnav.mappings.returns.ReturnMessage;
import se.hjalpmedelsnav.mappings.supplier.SupplierFaultReportTranslator;
import se.hjalpmedelsnav.mappings.supplier.SupplierReturnTranslator;
import se.hjalpmedelsnav.mappings.supplier.filedrop.SupplierFileDropXml;

/**
 * A message's file for the supplier's file drop: an order as a Peppol BIS {@code Order} (UBL 2.1), a
 * return or fault report in the hub's own XML. The translation is the API's (a protected user's name,
 * phone and home address stay in the hub); the file is named after the hub reference, so a message
 * written again replaces its own file.
 */
@Component
public class FileDropDeliveries {

    private final SupplierReturnTranslator returns = new SupplierReturnTranslator();
    private final SupplierFaultReportTranslator faultReports = new SupplierFaultReportTranslator();
    private final SupplierFileDropXml xml = new SupplierFileDropXml();
    private final RegistrySource registry;
    private final PeppolPartiesProperties parties;
    private final Clock clock;

    public FileDropDeliveries(RegistrySource registry, PeppolPartiesProperties parties, Clock clock) {
        this.registry = registry;
        this.parties = parties;
        this.clock = clock;
    }

    /** The file's content; its name goes to the {@code CamelFileName} header. */
    public String toFile(@Body String canonical, @ExchangeProperty(MessageProperties.HUB_REFERENCE) String hubReference,
            @ExchangeProperty(SupplierDeliveries.MESSAGE_TYPE) MessageType type, Message message) {
        Registry current = registry.current();
        String content = switch (type) {
            case ORDER, BUFFER_WITHDRAWAL -> {
                // The order queue also carries a buffer withdrawal's registration of its hand-out (BufferStoreOrders).
                OrderToSupplier order = BufferStoreOrders.readOrderQueueBody(canonical);
                yield orderWriter(current).toUblOrder(order.order(), hubReference, current, LocalDate.now(clock),
                        order.handedOutDeviceId());
            }
            case RETURN -> xml.write(returns.toSupplierReturn(
                    KommunMessageMappers.readTrusted(canonical, ReturnMessage.class), hubReference, current));
            case FAULT_REPORT -> xml.write(faultReports.toSupplierFaultReport(
                    KommunMessageMappers.readTrusted(canonical, FaultReportMessage.class), hubReference, current));
            case INCIDENT_REPORT -> throw new IllegalArgumentException("incident reports do not go to the supplier");
            case LOANS_REQUEST, FOLLOW_UP_DONE -> throw new IllegalArgumentException(type + " is the hub's own to answer");
        };
        message.setHeader(Exchange.FILE_NAME, fileName(type == MessageType.BUFFER_WITHDRAWAL ? MessageType.ORDER : type,
                hubReference));
        return content;
    }

    /** {@code order-<hubReference>.xml}, {@code return-…}, {@code fault-report-…}. */
    static String fileName(MessageType type, String hubReference) {
        return type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + hubReference + ".xml";
    }

    private PeppolOrderWriter orderWriter(Registry current) {
        return new PeppolOrderWriter(parties.supplier(),
                parties.municipalities(current.municipalities().stream().map(Municipality::code).toList()));
    }
}
