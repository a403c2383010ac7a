package se.hjalpmedelsnav.hub.intake;

import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.hub.stage.KommunEvents;
import se.hjalpmedelsnav.hub.stage.StageErrorHandling;
import se.hjalpmedelsnav.hub.stage.StageRouteBuilder;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.mappings.registry.Municipality;
import se.hjalpmedelsnav.mappings.registry.RegistrySource;
import se.hjalpmedelsnav.broker.MessageProperties;

/**
 * The intake: every municipality's {@code .in} queue, read, checked, recorded and answered.
 *
 * <p>One route per municipality comes from the {@code kommun-intake} template (a municipality is
 * configuration, not code); all of them hand over to the shared {@code kommun-intake} route in the
 * same thread and JMS transaction. The receipt and the accepted message leave in that transaction.
 */
@Component
public class KommunIntakeRoutes extends StageRouteBuilder {

    public static final String TEMPLATE = "kommun-intake";

    /** The leg that answers a question the hub answers itself (LOANS_REQUEST), after the receipt; the loans feature's. */
    public static final String ANSWER = "direct:loans-answer";

    private final RegistrySource registry;
    private final IntakeMessages intakeMessages;

    public KommunIntakeRoutes(RegistrySource registry, IntakeMessages intakeMessages) {
        this.registry = registry;
        this.intakeMessages = intakeMessages;
    }

    public static String routeId(String kommunCode) {
        return "kommun-" + kommunCode + "-intake";
    }

    @Override
    public void configure() {
        stage(routeTemplate(TEMPLATE)
                .templateParameter("kommunCode")
                .from(endpoint(Queues.kommunIn("{{kommunCode}}"), "concurrentConsumers={{nav.intake.consumers-per-kommun:1}}")))
                // The queue, not the body, says who sent it; nothing the sender set travels on.
                .removeHeaders("*", "JMSCorrelationID", "JMSXDeliveryCount", "JMS_AMQP_ContentType")
                .setHeader(MessageProperties.KOMMUN_CODE, constant("{{kommunCode}}"))
                .to("direct:kommun-intake");

        for (Municipality municipality : registry.current().municipalities()) {
            templatedRoute(TEMPLATE)
                    .routeId(routeId(municipality.code()))
                    .parameter("kommunCode", municipality.code());
        }

        from("direct:kommun-intake").routeId("kommun-intake")
                .routeConfigurationId(StageErrorHandling.ID)
                .bean(KommunMessageReader.class, "read").id("parse")
                .bean(ReceiptIssuer.class, "findOriginal").id("dedup")
                .choice()
                    .when(IntakeMessages::duplicate)
                        .log("Duplicate messageId from ${header.navKommunCode}: original receipt ${body.hubReference} sent again")
                    .otherwise()
                        .bean(MessageEnforcement.class, "enforce").id("enforce")
                        .bean(ReceiptIssuer.class, "issue").id("record")
                .end()
                .bean(IntakeMetrics.class, "count").id("count")
                // A failed branch is this route's to park (StageErrorHandling): the message as it arrived.
                .multicast().stopOnException().shareUnitOfWork()
                    .to("direct:forward-accepted", "direct:send-receipt", ANSWER)
                .end();

        from("direct:forward-accepted").routeId("forward-accepted")
                .errorHandler(noErrorHandler())
                .filter(IntakeMessages::toForward)
                    .setProperty(BufferStoreRefills.INTAKE, body())
                    .process(intakeMessages::toSupplier).id("canonical")
                    .toD("jms:queue:${exchangeProperty." + IntakeMessages.SUPPLIER_QUEUE + "}?jmsMessageType=Text").id("to-supplier-queue")
                    .log("Handed on ${header.navMessageType} ${header.navHubReference} from ${header.navKommunCode}")
                    // A buffer withdrawal's second order, in the same transaction as its registration and receipt.
                    .filter(BufferStoreRefills::toForward)
                        .process(BufferStoreRefills::toSupplier).id("buffer-refill")
                        .to("jms:queue:" + Queues.ORDER_TO_SUPPLIER + "?jmsMessageType=Text").id("refill-to-supplier-queue")
                        .log("Handed on the refill ${header.navHubReference} of a buffer withdrawal from ${header.navKommunCode}")
                    .end()
                .end();

        from("direct:send-receipt").routeId("send-receipt")
                .errorHandler(noErrorHandler())
                .process(IntakeMessages::receipt).id("receipt")
                .to(KommunEvents.OUT);
    }
}
