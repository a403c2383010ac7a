package se.hjalpmedelsnav.hub.supplier;

import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.hub.loans.LoanEvents;
import se.hjalpmedelsnav.hub.stage.KommunEvents;
import se.hjalpmedelsnav.hub.stage.StageRouteBuilder;

/** Supplier events, queued by the webhook, to the {@code .out} queue of the municipality whose order they concern. */
@Component
public class SupplierEventRoutes extends StageRouteBuilder {

    @Override
    public void configure() {
        // An event for an unknown message is a PermanentFailure: parked at once, replayable once the message is known.
        // Several consumers: the events of one message are a message group (JMSXGroupID = its hub reference, set by
        // the webhook and the status-file reader), which the broker gives to one consumer at a time, in order.
        stage("supplier-events", Queues.SUPPLIER_EVENTS, "concurrentConsumers={{nav.supplier.events.consumers:4}}")
                // The loan register first: idempotent, so a redelivery after a failed send changes nothing more.
                .bean(LoanEvents.class, "record").id("record-loans")
                .bean(SupplierEvents.class, "toKommunEvent").id("translate-event")
                .filter(body().isNotNull())
                    .to(KommunEvents.OUT)
                .end();
    }
}
