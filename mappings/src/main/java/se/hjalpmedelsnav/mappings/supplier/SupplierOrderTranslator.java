package se.hjalpmedelsnav.mappings.supplier;


import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import se.hjalpmedelsnav.mappings.identifier.PersonalIdentityNumber;
import se.hjalpmedelsnav.mappings.order.Address;
import se.hjalpmedelsnav.mappings.order.Contact;
import se.hjalpmedelsnav.mappings.order.Decision;
import se.hjalpmedelsnav.mappings.order.Delivery;
import se.hjalpmedelsnav.mappings.order.DeliveryTarget;
import se.hjalpmedelsnav.mappings.order.Guardian;
import se.hjalpmedelsnav.mappings.order.OrderLine;
import se.hjalpmedelsnav.mappings.order.OrderMessage;
import se.hjalpmedelsnav.mappings.order.Orderer;
import se.hjalpmedelsnav.mappings.order.Recipient;
import se.hjalpmedelsnav.mappings.registry.BufferStore;
import se.hjalpmedelsnav.mappings.registry.CustomerNumber;
import se.hjalpmedelsnav.mappings.registry.Registry;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * Turns an accepted ORDER into the order the supplier's API takes.
 *
 * <p>For a user with protected identity only what the supplier needs leaves the hub: the identity
 * number and the flag, never the user's name or guardian, no phone number but the delivery
 * contact's (the unit's), and never a delivery to the home.
 *
 * <p>The order must have passed the hub's rules; an order they would have rejected (unknown
 * customer number, home delivery for a protected user, buffer store the unit does not have) is
 * refused with an {@link IllegalArgumentException} naming the field, never quoting its value.
 */
public final class SupplierOrderTranslator {

    public SupplierOrder toSupplierOrder(OrderMessage order, String hubReference, Registry registry) {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(registry, "registry");
        if (hubReference == null || hubReference.isBlank()) {
            throw new IllegalArgumentException("hubReference is required");
        }
        CustomerNumber customerNumber = registry.customerNumber(order.kommunCode(), order.customerNumber())
                .orElseThrow(() -> new IllegalArgumentException(
                        "customerNumber is not registered for the municipality " + order.kommunCode()));
        boolean protectedIdentity = order.recipient() != null && order.recipient().isProtected();
        Decision decision = order.decision();
        return new SupplierOrder(
                hubReference,
                order.kommunCode(),
                new SupplierCustomer(customerNumber.number(), customerNumber.unit()),
                order.payerNumber(),
                decision == null ? null : decision.process(),
                decision == null ? null : decision.reference(),
                orderer(order.orderer(), protectedIdentity),
                recipientOf(order),
                delivery(order.delivery(), customerNumber, protectedIdentity),
                lines(order.lines()),
                order.note());
    }

    private static SupplierOrderer orderer(Orderer orderer, boolean protectedIdentity) {
        if (orderer == null) {
            return null;
        }
        // The orderer's phone would let a protected user's case be traced back: the supplier
        // reaches the unit through the delivery contact instead.
        return new SupplierOrderer(orderer.id(), orderer.name(), orderer.role(),
                protectedIdentity ? null : orderer.phone(), orderer.privateContractorOrgNumber());
    }

    /**
     * The user as the supplier gets it, over either channel: the identity number in its 12-digit form and the
     * protection flag; the name and guardian only for a user without protected identity. Null without a user.
     */
    public static SupplierRecipient recipientOf(OrderMessage order) {
        Recipient recipient = order.recipient();
        if (recipient == null) {
            return null;
        }
        String identity = canonical(recipient.personalIdentityNumber(), orderDate(order));
        if (recipient.isProtected()) {
            return new SupplierRecipient(identity, null, true, null);
        }
        return new SupplierRecipient(identity, recipient.name(), false, guardian(recipient.guardian()));
    }

    /**
     * The 12-digit form (YYYYMMDDNNNC) whatever form the municipality used, so the supplier's system
     * of record sees one person as one number; the century of a short form is decided on the order date.
     */
    private static String canonical(String personalIdentityNumber, LocalDate orderDate) {
        return PersonalIdentityNumber.parse(personalIdentityNumber, orderDate)
                .map(PersonalIdentityNumber::number)
                .orElse(personalIdentityNumber);
    }

    private static LocalDate orderDate(OrderMessage order) {
        return order.sentAt() == null
                ? LocalDate.now(RuleContext.SWEDISH_TIME)
                : order.sentAt().atZoneSameInstant(RuleContext.SWEDISH_TIME).toLocalDate();
    }

    private static SupplierContact guardian(Guardian guardian) {
        return guardian == null ? null : new SupplierContact(guardian.name(), guardian.phone());
    }

    private static SupplierDelivery delivery(Delivery delivery, CustomerNumber customerNumber,
            boolean protectedIdentity) {
        if (delivery == null) {
            return null;
        }
        DeliveryTarget target = delivery.target();
        if (target == DeliveryTarget.RECIPIENT && protectedIdentity) {
            throw new IllegalArgumentException(
                    "delivery.target RECIPIENT is not allowed for a recipient with protected identity");
        }
        return new SupplierDelivery(target, deliveryAddress(delivery, customerNumber),
                contact(delivery.contact()));
    }

    private static SupplierAddress deliveryAddress(Delivery delivery, CustomerNumber customerNumber) {
        if (delivery.target() == DeliveryTarget.BUFFER_STORE) {
            // The registry, not the message, says where a unit's buffer store is.
            BufferStore bufferStore = customerNumber.bufferStore();
            if (bufferStore == null) {
                throw new IllegalArgumentException(
                        "delivery.target BUFFER_STORE: customer number " + customerNumber.number()
                                + " has no buffer store in the registry");
            }
            return address(bufferStore.address());
        }
        return address(delivery.address());
    }

    private static SupplierAddress address(Address address) {
        return address == null ? null
                : new SupplierAddress(address.careOf(), address.street(), address.postalCode(), address.city());
    }

    private static SupplierContact contact(Contact contact) {
        return contact == null ? null : new SupplierContact(contact.name(), contact.phone());
    }

    private static List<SupplierOrderLine> lines(List<OrderLine> lines) {
        if (lines == null) {
            return List.of();
        }
        return lines.stream().map(SupplierOrderTranslator::line).toList();
    }

    private static SupplierOrderLine line(OrderLine line) {
        if (line.quantity() == null) {
            throw new IllegalArgumentException("lines.quantity is required");
        }
        return new SupplierOrderLine(line.articleNumber(), line.quantity());
    }
}
