package se.hjalpmedelsnav.hub.supplier;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.hub.FailureReasons;
import se.hjalpmedelsnav.hub.StageErrorHandling;
import se.hjalpmedelsnav.hub.broker.Queues;
import se.hjalpmedelsnav.hub.intake.IntakeHeaders;
import se.hjalpmedelsnav.hub.intake.TransportMessageId;

/** Supplier events, queued by the webhook, to the {@code .out} queue of the municipality whose order they concern. */
@Component
public class SupplierEventRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("jms:queue:" + Queues.SUPPLIER_EVENTS)
                .routeId("supplier-events")
                .routeConfigurationId("stage-error-handling")
                .onException(SupplierEvents.UnknownOrderException.class)
                    // Retrying cannot make an unknown order known: park at once, visibly.
                    .handled(true)
                    .useOriginalMessage()
                    .setHeader(IntakeHeaders.FAILURE_REASON, method(FailureReasons.class, "describe"))
                    .setHeader(IntakeHeaders.FAILED_STAGE, constant("supplier-events"))
                    .log(org.apache.camel.LoggingLevel.WARN, "Parked supplier event: ${header.navFailureReason}")
                    .to("jms:queue:" + Queues.DLQ_SUPPLIER_EVENTS)
                .end()
                .setProperty(StageErrorHandling.DEAD_LETTER_QUEUE, constant(Queues.DLQ_SUPPLIER_EVENTS))
                .setProperty("navStage", constant("supplier-events"))
                .process(TransportMessageId::stamp)
                .bean(SupplierEvents.class, "toKommunEvent").id("translate-event")
                .filter(body().isNotNull())
                    .to("direct:kommun-out")
                .end();
    }
}
