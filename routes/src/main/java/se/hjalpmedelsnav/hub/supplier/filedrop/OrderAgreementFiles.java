package se.hjalpmedelsnav.hub.supplier.filedrop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import se.hjalpmedelsnav.broker.MessageProperties;
import se.hjalpmedelsnav.connectors.peppol.PeppolValidation;
import se.hjalpmedelsnav.hub.loans.LoanOrigin;
import se.hjalpmedelsnav.hub.loans.LoanRegister;
import se.hjalpmedelsnav.hub.tracking.TrackedMessage;
import se.hjalpmedelsnav.hub.tracking.TrackingStatus;
import se.hjalpmedelsnav.hub.tracking.TrackingStore;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.message.Receipt;
import se.hjalpmedelsnav.mappings.peppol.OrderAgreement;
import se.hjalpmedelsnav.mappings.peppol.OrderAgreementReader;
import se.hjalpmedelsnav.mappings.peppol.OrderAgreementRefused;
import se.hjalpmedelsnav.mappings.registry.RegistrySource;
import se.hjalpmedelsnav.mappings.rules.RuleContext;
import se.hjalpmedelsnav.mappings.ruletable.MessageRules;
import se.hjalpmedelsnav.mappings.supplier.SupplierEvent;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderStatus;
import se.hjalpmedelsnav.mappings.supplier.filedrop.SupplierStatusFileReader;

/**
 * A Peppol BIS Order Agreement 3 in the file drop's inbox: an order the supplier took outside the hub (by phone, in
 * its own screens). It is read with DTDs off and a size limit, checked with the official Peppol rules (PHIVE,
 * {@code eu.peppol.bis3:order-agreement:2026.5}) and with the registry's rules on its customer and payer numbers;
 * then the hub tracks the order under the agreement's {@code cbc:ID} as its hub reference and tells the municipality
 * whose customer number it is with an ORDER_STATUS {@code REGISTERED_BY_SUPPLIER}, through the same events queue and
 * stage as every status file. Later status files for the order name that ID in {@code OrderReference/ID} and follow
 * as for any order.
 *
 * <p>A refused agreement throws an {@link OrderAgreementRefused} (a stable code, no value of the file), which moves
 * it to the error folder with its reason beside it, like any status file the hub cannot read.
 */
@Component
public class OrderAgreementFiles {

    /**
     * The messageId an agreement's order is tracked under, before its ID: a municipality's messageIds have no
     * {@code /}, so the two never meet in the idempotent consumer's (kommunCode, messageId).
     */
    public static final String MESSAGE_ID_PREFIX = "agreement/";

    private static final Logger log = LoggerFactory.getLogger(OrderAgreementFiles.class);
    /** The supplier's order number is passed on only in the form of a reference. */
    private static final Pattern SUPPLIER_ORDER_ID = Pattern.compile("[A-Za-z0-9._:/-]{1,64}");

    private final ObjectMapper json = KommunMessageMappers.json();
    private final OrderAgreementReader reader = new OrderAgreementReader();
    private final PeppolValidation peppol;
    private final RegistrySource registry;
    private final TrackingStore tracking;
    private final LoanRegister loans;
    private final Clock clock;

    public OrderAgreementFiles(PeppolValidation peppol, RegistrySource registry, TrackingStore tracking,
            LoanRegister loans, Clock clock) {
        this.loans = loans;
        this.peppol = peppol;
        this.registry = registry;
        this.tracking = tracking;
        this.clock = clock;
    }

    /** Whether the file's head names the Order Agreement's CustomizationID (else it is an ordinary status file). */
    public boolean isOrderAgreement(@Body byte[] file) {
        return OrderAgreementReader.isOrderAgreement(file);
    }

    /**
     * Checks the agreement, tracks its order and answers the REGISTERED_BY_SUPPLIER event's JSON for the events
     * queue, with the broker's duplicate id from the event id (a digest of the file) and the order as message group.
     * The same file read again tracks nothing new and makes the same event, which the municipality hears once.
     */
    public String register(@Body byte[] file, Message message) throws JsonProcessingException {
        String name = message.getHeader(Exchange.FILE_NAME_ONLY, String.class);
        Document document = reader.parse(file);
        List<String> breaches = peppol.breaches(document, PeppolValidation.ORDER_AGREEMENT);
        if (!breaches.isEmpty()) {
            throw new OrderAgreementRefused(OrderAgreementRefused.PEPPOL_RULES_BROKEN, "the Peppol rules "
                    + PeppolValidation.ORDER_AGREEMENT.getAsSingleID() + " find: " + String.join("; ", breaches));
        }
        OrderAgreement agreement = reader.read(document);
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate agreedOn = agreement.issueDate() != null ? agreement.issueDate()
                : now.atZoneSameInstant(RuleContext.SWEDISH_TIME).toLocalDate();
        MessageRules.OrderAgreementCheck check = MessageRules.checkOrderAgreement(agreement.customerNumber(),
                agreement.payerNumber(), registry.current(), agreedOn);
        if (!check.passed()) {
            throw new OrderAgreementRefused(check.errors().get(0).code().name(), "the registry's rules refuse it: "
                    + check.errors().stream().map(OrderAgreementFiles::describe).collect(Collectors.joining(" ")));
        }
        String hubReference = agreement.agreementId();
        track(agreement, check.kommunCode(), now);

        String supplierOrderId = Optional.ofNullable(agreement.supplierOrderId())
                .filter(id -> SUPPLIER_ORDER_ID.matcher(id).matches()).orElse(null);
        SupplierEvent event = SupplierEvent.orderStatus(SupplierStatusFileReader.eventId(file), hubReference,
                supplierOrderId, SupplierOrderStatus.REGISTERED_BY_SUPPLIER, List.of(), null, now);
        log.info("Order Agreement {}: order {} of {} registered by the supplier (customer number's municipality), "
                + "lines={}", name, hubReference, check.kommunCode(), agreement.lines().size());
        message.removeHeaders("*");
        message.setHeader(MessageProperties.BROKER_DUPLICATE_ID, "supplier-event:" + event.eventId());
        message.setHeader(MessageProperties.GROUP_ID, hubReference);
        return json.writeValueAsString(event);
    }

    /**
     * Tracks the order under the agreement's ID, as the intake tracks a municipality's order under its hub reference;
     * a row for the same agreement (the file read again) is kept. An ID the hub already uses for another message is
     * refused: the later status files could not tell the two apart.
     */
    private void track(OrderAgreement agreement, String kommunCode, OffsetDateTime now) throws JsonProcessingException {
        String hubReference = agreement.agreementId();
        String messageId = MESSAGE_ID_PREFIX + hubReference;
        String receipt = json.writeValueAsString(Receipt.accepted(messageId, hubReference, now));
        TrackedMessage order = new TrackedMessage(hubReference, kommunCode, messageId, MessageType.ORDER.name(),
                agreement.customerNumber(), TrackingStatus.REGISTERED_BY_SUPPLIER, receipt, now);
        // What the loan register needs when its DELIVERED comes: the agreed articles. No decision and no user.
        LoanOrigin origin = new LoanOrigin(hubReference, kommunCode, MessageType.ORDER.name(),
                agreement.customerNumber(), null, null, null, null, agreement.lines().stream()
                        .map(line -> new LoanOrigin.Line(line.articleNumber(),
                                line.quantity() == null ? 1 : line.quantity().intValue()))
                        .toList(), List.of());
        if (tracking.recordIfAbsent(order, null, () -> loans.recordOrigin(origin, now))) {
            return;
        }
        boolean sameAgreement = tracking.byHubReference(hubReference)
                .filter(known -> messageId.equals(known.messageId()) && kommunCode.equals(known.kommunCode()))
                .isPresent();
        if (!sameAgreement) {
            throw new OrderAgreementRefused(OrderAgreementRefused.AGREEMENT_ID_IN_USE, "cbc:ID is already the hub "
                    + "reference of another order, return or fault report (or of an agreement on another "
                    + "municipality's customer number); give each Order Agreement an ID of its own, a UUID say");
        }
    }

    private static String describe(ContractError error) {
        return error.code() + (error.field() == null ? "" : " (" + error.field() + ")") + ": " + error.message();
    }
}
