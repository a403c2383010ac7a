package se.hjalpmedelsnav.hub.supplier.filedrop;

import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.connectors.filedrop.FileDropEndpoints;
import se.hjalpmedelsnav.hub.assortment.CatalogueFiles;
import se.hjalpmedelsnav.hub.stage.StageRouteBuilder;
import se.hjalpmedelsnav.broker.Queues;
import se.hjalpmedelsnav.broker.MessageProperties;
import se.hjalpmedelsnav.hub.supplier.SupplierChannels;
import se.hjalpmedelsnav.hub.supplier.SupplierDeliveries;
import se.hjalpmedelsnav.mappings.message.MessageType;

/**
 * The supplier file drop (SFTP in production, a local folder in the embedded default).
 *
 * <p>Out: for each type whose channel is FILE_DROP, a route from the {@code supplier-filedrop-deliver}
 * template takes the accepted message from the same queue the API route would, writes one file (named
 * after the hub reference, written under a temporary name and renamed when complete) and tracks it
 * SENT_TO_SUPPLIER, all in the queue's transaction; a failure rolls back and is retried, then parked on the
 * type's dead-letter queue like the API route's.
 *
 * <p>Back, whether or not any type goes out by the file drop: {@code supplier-filedrop-status} reads the supplier's
 * status files (Peppol OrderResponse and
 * DespatchAdvice, the hub's returnStatus and faultReportStatus, and Peppol Order Agreements for orders it took
 * outside the hub: {@link OrderAgreementFiles}) and its Peppol catalogues ({@link CatalogueFiles}: the assortment),
 * each once even across restarts, and puts
 * the same event the webhook would on the events queue, from where {@code supplier-events} routes it to
 * the municipality once. A file it cannot read goes to the error folder with its reason beside it.
 */
@Component
public class FileDropRoutes extends StageRouteBuilder {

    public static final String TEMPLATE = "supplier-filedrop-deliver";
    public static final String STATUS_ROUTE = "supplier-filedrop-status";

    private final SupplierChannels channels;
    private final FileDropEndpoints endpoints;

    public FileDropRoutes(SupplierChannels channels, FileDropEndpoints endpoints) {
        this.channels = channels;
        this.endpoints = endpoints;
    }

    @Override
    public void configure() {
        // The inbox is read whatever the channels: the supplier's catalogue always comes by the file drop (or the API).
        stage(routeTemplate(TEMPLATE)
                .templateParameter("messageType")
                .templateParameter("queue")
                .from(endpoint("{{queue}}", "concurrentConsumers={{nav.filedrop.consumers:1}}")))
                .setProperty(SupplierDeliveries.MESSAGE_TYPE, constant("{{messageType}}"))
                .filter(method(SupplierDeliveries.class, "stillToDeliver"))
                    .removeHeaders("*")
                    .bean(FileDropDeliveries.class, "toFile")
                    .to(endpoints.toSupplier())
                    .bean(SupplierDeliveries.class, "taken")
                .end();

        deliverToFileDrop(MessageType.ORDER, "supplier-filedrop-order-deliver");
        deliverToFileDrop(MessageType.RETURN, "supplier-filedrop-return-deliver");
        deliverToFileDrop(MessageType.FAULT_REPORT, "supplier-filedrop-fault-report-deliver");

        from(endpoints.fromSupplier(FileDropHubConfiguration.STATUS_FILE_REPOSITORY))
                .routeId(STATUS_ROUTE)
                .onException(Exception.class)
                    // Not handled: the consumer moves the file to the error folder; the reason goes beside it.
                    .bean(StatusFiles.class, "leaveReason")
                .end()
                .convertBodyTo(byte[].class)
                .choice()
                    .when(method(CatalogueFiles.class, "isCatalogue"))
                        // The supplier's assortment: applied to the assortment in force, no event.
                        .bean(CatalogueFiles.class, "apply").id("apply-catalogue")
                    .when(method(OrderAgreementFiles.class, "isOrderAgreement"))
                        // An order the supplier took outside the hub: checked, tracked, the municipality told.
                        .bean(OrderAgreementFiles.class, "register").id("register-order-agreement")
                    .otherwise()
                        .bean(StatusFiles.class, "toSupplierEvent").id("read-status-file")
                .end()
                .filter(body().isNotNull())
                    // As the webhook: a plain persistent send, confirmed by the broker, repeats of an event id dropped.
                    .to("jms:queue:" + Queues.SUPPLIER_EVENTS + "?jmsMessageType=Text&transacted=false")
                        .id("queue-supplier-event")
                .end();
    }

    private void deliverToFileDrop(MessageType type, String routeId) {
        if (channels.of(type) != SupplierChannels.Channel.FILE_DROP) {
            return;
        }
        templatedRoute(TEMPLATE).routeId(routeId)
                .parameter("messageType", type.name())
                .parameter("queue", Queues.toSupplier(type));
    }
}
