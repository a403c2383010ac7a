package se.hjalpmedelsnav.hub.supplier;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.hub.StageErrorHandling;
import se.hjalpmedelsnav.hub.broker.Queues;
import se.hjalpmedelsnav.hub.intake.IntakeHeaders;

/**
 * Accepted orders to the supplier's API. The order leaves its queue only when the supplier took it
 * ({@code 2xx}, tracked as SENT_TO_SUPPLIER) or refused it for good ({@code 4xx}: the municipality
 * gets ORDER_STATUS REJECTED_BY_SUPPLIER in the same transaction). Anything else rolls back and the
 * broker tries again later; the supplier deduplicates on the {@code Idempotency-Key}, so a retry
 * after a lost answer does not order twice.
 */
@Component
public class SupplierOrderRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("jms:queue:" + Queues.ORDER_TO_SUPPLIER + "?concurrentConsumers={{nav.supplier.api.consumers:4}}")
                .routeId("supplier-api-order-deliver")
                .routeConfigurationId("stage-error-handling")
                .setProperty(StageErrorHandling.DEAD_LETTER_QUEUE, constant(Queues.DLQ_ORDER_TO_SUPPLIER))
                .setProperty("navStage", constant("supplier-api-order-deliver"))
                .setProperty(IntakeHeaders.KOMMUN_CODE, header(IntakeHeaders.KOMMUN_CODE))
                .setProperty(IntakeHeaders.HUB_REFERENCE, header(IntakeHeaders.HUB_REFERENCE))
                .setProperty(IntakeHeaders.MESSAGE_ID, header(IntakeHeaders.MESSAGE_ID))
                .filter(method(SupplierOrders.class, "stillToDeliver")).id("still-to-deliver")
                .bean(SupplierOrders.class, "translate").id("translate")
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setHeader("Idempotency-Key", exchangeProperty(IntakeHeaders.HUB_REFERENCE))
                .setHeader("Authorization", method(SupplierOrders.class, "authorization"))
                .to("{{nav.supplier.api.url}}/orders?throwExceptionOnFailure=false"
                        + "&headerFilterStrategy=#supplierHeaderFilter"
                        + "&connectTimeout={{nav.supplier.api.connect-timeout-ms:5000}}"
                        + "&responseTimeout={{nav.supplier.api.response-timeout-ms:15000}}").id("supplier-api-post")
                .removeHeader("Authorization")
                .choice()
                    .when(method(SupplierAnswer.class, "isTaken(${header.CamelHttpResponseCode})"))
                        .bean(SupplierOrders.class, "taken").id("track-sent")
                    .when(method(SupplierAnswer.class, "isRejected(${header.CamelHttpResponseCode})"))
                        .bean(SupplierOrders.class, "rejected").id("supplier-rejected")
                        .to("direct:kommun-out")
                    .otherwise()
                        .bean(SupplierOrders.class, "unavailable").id("supplier-unavailable")
                .end()
                .end();
    }
}
