package se.hjalpmedelsnav.hub.supplier;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.hub.stage.KommunEvents;
import se.hjalpmedelsnav.hub.stage.StageRouteBuilder;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.broker.MessageProperties;
import se.hjalpmedelsnav.mappings.message.MessageType;

/**
 * Accepted orders, returns and fault reports to the supplier's API, one route per type from the
 * {@code supplier-api-deliver} template. A message leaves its queue only when the supplier took it
 * ({@code 2xx}, tracked as SENT_TO_SUPPLIER) or refused it for good ({@code 4xx}: the municipality
 * gets REJECTED_BY_SUPPLIER in the same transaction). Anything else rolls back and the broker tries
 * again later; the supplier deduplicates on the {@code Idempotency-Key}, so a retry after a lost
 * answer does not order twice. Only the types whose channel ({@link SupplierChannels}) is API get a
 * route here; the others go to the file drop.
 */
@Component
public class SupplierDeliveryRoutes extends StageRouteBuilder {

    public static final String TEMPLATE = "supplier-api-deliver";

    private final SupplierChannels channels;

    public SupplierDeliveryRoutes(SupplierChannels channels) {
        this.channels = channels;
    }

    @Override
    public void configure() {
        stage(routeTemplate(TEMPLATE)
                .templateParameter("messageType")
                .templateParameter("queue")
                .templateParameter("path")
                .from(endpoint("{{queue}}", "concurrentConsumers={{nav.supplier.api.consumers:4}}")))
                .setProperty(SupplierDeliveries.MESSAGE_TYPE, constant("{{messageType}}"))
                .filter(method(SupplierDeliveries.class, "stillToDeliver"))
                .bean(SupplierDeliveries.class, "translate")
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setHeader("Idempotency-Key", exchangeProperty(MessageProperties.HUB_REFERENCE))
                .setHeader("Authorization", method(SupplierDeliveries.class, "authorization"))
                .to("{{nav.supplier.api.url}}/{{path}}?throwExceptionOnFailure=false"
                        + "&headerFilterStrategy=#supplierHeaderFilter"
                        + "&connectTimeout={{nav.supplier.api.connect-timeout-ms:5000}}"
                        + "&responseTimeout={{nav.supplier.api.response-timeout-ms:15000}}")
                .removeHeader("Authorization")
                .choice()
                    .when(method(SupplierAnswer.class, "isTaken(${header.CamelHttpResponseCode})"))
                        .bean(SupplierDeliveries.class, "taken")
                    .when(method(SupplierAnswer.class, "isRejected(${header.CamelHttpResponseCode})"))
                        .bean(SupplierDeliveries.class, "rejected")
                        .to(KommunEvents.OUT)
                        // Only once the municipality's event is sent: a failed send is tried again in full.
                        .bean(SupplierDeliveries.class, "recordRejected")
                    .otherwise()
                        .bean(SupplierDeliveries.class, "unavailable")
                .end()
                .end();

        deliverOverApi(MessageType.ORDER, "supplier-api-order-deliver", "orders");
        deliverOverApi(MessageType.RETURN, "supplier-api-return-deliver", "returns");
        deliverOverApi(MessageType.FAULT_REPORT, "supplier-api-fault-report-deliver", "fault-reports");
    }

    private void deliverOverApi(MessageType type, String routeId, String path) {
        if (channels.of(type) != SupplierChannels.Channel.API) {
            return;
        }
        templatedRoute(TEMPLATE).routeId(routeId)
                .parameter("messageType", type.name())
                .parameter("queue", Queues.toSupplier(type))
                .parameter("path", path);
    }
}
