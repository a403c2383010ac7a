package se.hjalpmedelsnav.mappings.peppol;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AddressType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ContactType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CountryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CustomerPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.DeliveryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.DocumentReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemIdentificationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemPropertyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.LineItemType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.LocationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.OrderLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyIdentificationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyLegalEntityType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyNameType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PeriodType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.SupplierPartyType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.EndpointIDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.NoteType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.QuantityType;
import oasis.names.specification.ubl.schema.xsd.order_21.OrderType;
import se.hjalpmedelsnav.mappings.order.Address;
import se.hjalpmedelsnav.mappings.order.Contact;
import se.hjalpmedelsnav.mappings.order.Delivery;
import se.hjalpmedelsnav.mappings.order.DeliveryTarget;
import se.hjalpmedelsnav.mappings.order.OrderLine;
import se.hjalpmedelsnav.mappings.order.OrderMessage;
import se.hjalpmedelsnav.mappings.order.Orderer;
import se.hjalpmedelsnav.mappings.order.Recipient;
import se.hjalpmedelsnav.mappings.registry.Article;
import se.hjalpmedelsnav.mappings.registry.CustomerNumber;
import se.hjalpmedelsnav.mappings.registry.Municipality;
import se.hjalpmedelsnav.mappings.registry.PrivateContractor;
import se.hjalpmedelsnav.mappings.registry.Registry;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderTranslator;
import se.hjalpmedelsnav.mappings.supplier.SupplierRecipient;

/**
 * Writes an accepted ORDER as a Peppol BIS Ordering 3 {@code Order} (UBL 2.1) for the supplier's
 * file drop.
 *
 * <p>The customer number's unit is the buyer, the payer number the invoicee, the orderer the
 * originator (for a private contractor's orderer: the contractor, with the orderer as contact) and
 * the buyer contact reference, article numbers the seller's item ids, and the decision the
 * originator document (the buyer-side basis of the order).
 *
 * <p>The user (brukare), on whom the supplier registers each delivered device, is named on every line as
 * item properties ({@code cac:Item/cac:AdditionalItemProperty}): {@value #END_USER_IDENTITY} with the
 * personnummer or samordningsnummer in its 12-digit form, and {@value #END_USER_PROTECTED} {@code true} or
 * {@code false}. Not the delivery party: that is who receives the goods (the unit, its buffer store, or the
 * user at home), and its identifier's scheme must be an ISO 6523 ICD, which a personnummer has none of.
 *
 * <p>Left out because BIS 3 has no element for it: the orderer's profession (the hub has checked it).
 *
 * <p>Protected identity follows {@link SupplierOrderTranslator#recipientOf}: the identity number and the flag
 * only, the user's name and guardian never leave the hub, the orderer's phone is left out, and a delivery to
 * the home is refused. The order
 * must have passed the hub's rules; one they would have rejected is refused with an
 * {@link IllegalArgumentException} naming the field, never quoting its value.
 */
public final class PeppolOrderWriter {

    public static final String CUSTOMIZATION_ID = "urn:fdc:peppol.eu:poacc:trns:order:3";
    public static final String PROFILE_ID = "urn:fdc:peppol.eu:poacc:bis:ordering:3";
    /** Item property naming the user the device is for: the 12-digit personnummer or samordningsnummer. */
    public static final String END_USER_IDENTITY = "EndUserPersonalIdentityNumber";
    /** Item property saying whether that user has protected identity: {@code true} or {@code false}. */
    public static final String END_USER_PROTECTED = "EndUserProtectedIdentity";
    /** Item property of a hand-out from a buffer store: {@code true}; nothing is shipped. */
    public static final String HAND_OUT_FROM_STOCK = "HandOutFromStock";
    /** Item property of a hand-out from a buffer store: the device handed out (individnummer). */
    public static final String HANDED_OUT_DEVICE_ID = "HandedOutDeviceId";

    private static final String CURRENCY = "SEK";
    private static final String COUNTRY = "SE";
    /** UN/ECE Recommendation 20: one unit (piece). */
    private static final String UNIT_CODE = "EA";
    /** BIS asks for a validity end date: the time the supplier has to answer the order. */
    private static final int DAYS_TO_ANSWER = 30;

    private final PeppolParty supplier;
    private final Map<String, PeppolEndpoint> municipalityEndpoints;

    /**
     * @param supplier              the seller: its Peppol endpoint and registered name
     * @param municipalityEndpoints each municipality's Peppol endpoint by kommunCode; the hub sends
     *                              on the municipality's behalf, so the buyer is addressed by it
     */
    public PeppolOrderWriter(PeppolParty supplier, Map<String, PeppolEndpoint> municipalityEndpoints) {
        this.supplier = Objects.requireNonNull(supplier, "supplier");
        this.municipalityEndpoints = Map.copyOf(Objects.requireNonNull(municipalityEndpoints, "municipalityEndpoints"));
    }

    public String toUblOrder(OrderMessage order, String hubReference, Registry registry, LocalDate issueDate) {
        return toUblOrder(order, hubReference, registry, issueDate, null);
    }

    /**
     * The Order; with {@code handedOutDeviceId}, the registration of that device, handed out of a buffer store to the
     * order's user: its one line says so in two more item properties, {@value #HAND_OUT_FROM_STOCK} {@code true} and
     * {@value #HANDED_OUT_DEVICE_ID}, beside the user's (nothing is shipped; the supplier registers the device on the
     * user as delivered).
     */
    public String toUblOrder(OrderMessage order, String hubReference, Registry registry, LocalDate issueDate,
            String handedOutDeviceId) {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(issueDate, "issueDate");
        if (hubReference == null || hubReference.isBlank()) {
            throw new IllegalArgumentException("hubReference is required");
        }
        Municipality municipality = registry.municipality(order.kommunCode())
                .orElseThrow(() -> new IllegalArgumentException("kommunCode is not in the registry"));
        CustomerNumber customerNumber = registry.customerNumber(order.kommunCode(), order.customerNumber())
                .orElseThrow(() -> new IllegalArgumentException(
                        "customerNumber is not registered for the municipality " + order.kommunCode()));
        PeppolEndpoint buyerEndpoint = municipalityEndpoints.get(order.kommunCode());
        if (buyerEndpoint == null) {
            throw new IllegalArgumentException("no Peppol endpoint configured for the municipality " + order.kommunCode());
        }
        if (order.payerNumber() == null || order.payerNumber().isBlank()) {
            throw new IllegalArgumentException("payerNumber is required");
        }
        boolean protectedIdentity = order.recipient() != null && order.recipient().isProtected();

        OrderType ubl = new OrderType();
        ubl.setCustomizationID(CUSTOMIZATION_ID);
        ubl.setProfileID(PROFILE_ID);
        ubl.setID(hubReference);
        ubl.setIssueDate(issueDate);
        if (order.note() != null && !order.note().isBlank()) {
            ubl.getNote().add(new NoteType(order.note()));
        }
        ubl.setDocumentCurrencyCode(CURRENCY);
        if (order.orderer() != null && order.orderer().id() != null) {
            // "Buyer contact" in BIS: who ordered, repeated on the invoice.
            ubl.setCustomerReference(order.orderer().id());
        }
        PeriodType validity = new PeriodType();
        validity.setEndDate(issueDate.plusDays(DAYS_TO_ANSWER));
        ubl.getValidityPeriod().add(validity);
        if (order.decision() != null && order.decision().reference() != null) {
            DocumentReferenceType decision = new DocumentReferenceType();
            decision.setID(order.decision().reference());
            ubl.setOriginatorDocumentReference(decision);
        }
        ubl.setBuyerCustomerParty(buyer(buyerEndpoint, customerNumber, municipality));
        ubl.setSellerSupplierParty(seller());
        if (order.orderer() != null) {
            ubl.setOriginatorCustomerParty(originator(order.orderer(), registry, protectedIdentity));
        }
        ubl.setAccountingCustomerParty(invoicee(buyerEndpoint, order.payerNumber(), municipality));
        if (order.delivery() != null) {
            ubl.getDelivery().add(delivery(order.delivery(), order.recipient(), customerNumber));
        }
        ubl.getOrderLine().addAll(lines(order.lines(), registry, SupplierOrderTranslator.recipientOf(order)));
        if (handedOutDeviceId != null) {
            if (ubl.getOrderLine().size() != 1) {
                throw new IllegalArgumentException("a hand-out from stock registers one device: one line");
            }
            var item = ubl.getOrderLine().get(0).getLineItem().getItem();
            item.getAdditionalItemProperty().add(property(HAND_OUT_FROM_STOCK, "true"));
            item.getAdditionalItemProperty().add(property(HANDED_OUT_DEVICE_ID, handedOutDeviceId));
        }

        String xml = UblMarshallers.order().getAsString(ubl);
        if (xml == null) {
            // The marshaller checks the UBL schema on the way out and answers null on a violation.
            throw new IllegalStateException("the UBL Order for " + hubReference + " does not meet the UBL 2.1 schema");
        }
        return xml;
    }

    private static CustomerPartyType buyer(PeppolEndpoint endpoint, CustomerNumber customerNumber,
            Municipality municipality) {
        PartyType party = partyAt(endpoint);
        party.getPartyIdentification().add(identification(customerNumber.number()));
        party.getPartyName().add(name(customerNumber.unit()));
        party.getPartyLegalEntity().add(legalEntity(municipality.name()));
        return customerParty(party);
    }

    private SupplierPartyType seller() {
        PartyType party = partyAt(supplier.endpoint());
        party.getPartyName().add(name(supplier.name()));
        AddressType address = new AddressType();
        address.setCountry(country());
        party.setPostalAddress(address);
        party.getPartyLegalEntity().add(legalEntity(supplier.name()));
        SupplierPartyType seller = new SupplierPartyType();
        seller.setParty(party);
        return seller;
    }

    private static CustomerPartyType originator(Orderer orderer, Registry registry, boolean protectedIdentity) {
        PartyType party = new PartyType();
        if (orderer.forPrivateContractor()) {
            // The originating party is the private contractor, by its organisationsnummer; the
            // orderer is its contact person, and the orderer's id travels as CustomerReference.
            String orgNumber = orderer.privateContractorOrgNumber();
            PrivateContractor contractor = registry.privateContractor(orgNumber)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "orderer.privateContractorOrgNumber is not in the registry"));
            party.getPartyIdentification().add(identification(PeppolEndpoint.SWEDISH_ORGANISATION_NUMBER,
                    orgNumber.replace("-", "")));
            party.getPartyName().add(name(contractor.name()));
        } else {
            if (orderer.id() != null) {
                party.getPartyIdentification().add(identification(orderer.id()));
            }
            party.getPartyName().add(name(orderer.name() != null ? orderer.name() : orderer.id()));
        }
        ContactType contact = new ContactType();
        if (orderer.name() != null) {
            contact.setName(orderer.name());
        }
        // The orderer's phone would let a protected user's case be traced back: the supplier
        // reaches the unit through the delivery contact instead.
        if (!protectedIdentity && orderer.phone() != null) {
            contact.setTelephone(orderer.phone());
        }
        if (contact.getName() != null || contact.getTelephone() != null) {
            party.setContact(contact);
        }
        return customerParty(party);
    }

    private static CustomerPartyType invoicee(PeppolEndpoint endpoint, String payerNumber, Municipality municipality) {
        PartyType party = partyAt(endpoint);
        party.getPartyIdentification().add(identification(payerNumber));
        party.getPartyName().add(name(municipality.name()));
        AddressType address = new AddressType();
        address.setCountry(country());
        party.setPostalAddress(address);
        party.getPartyLegalEntity().add(legalEntity(municipality.name()));
        return customerParty(party);
    }

    private static DeliveryType delivery(Delivery delivery, Recipient recipient, CustomerNumber customerNumber) {
        boolean protectedIdentity = recipient != null && recipient.isProtected();
        DeliveryTarget target = delivery.target();
        if (target == DeliveryTarget.RECIPIENT && protectedIdentity) {
            throw new IllegalArgumentException(
                    "delivery.target RECIPIENT is not allowed for a recipient with protected identity");
        }
        Address address = deliveryAddress(delivery, customerNumber);
        DeliveryType ubl = new DeliveryType();
        if (address != null) {
            LocationType location = new LocationType();
            location.setAddress(address(address));
            ubl.setDeliveryLocation(location);
        }
        String receiverName = target == DeliveryTarget.RECIPIENT
                ? (recipient == null ? null : recipient.name())
                : customerNumber.unit();
        PartyType deliveryParty = new PartyType();
        if (receiverName != null) {
            deliveryParty.getPartyName().add(name(receiverName));
        }
        Contact contact = delivery.contact();
        if (contact != null && (contact.name() != null || contact.phone() != null)) {
            ContactType ublContact = new ContactType();
            if (contact.name() != null) {
                ublContact.setName(contact.name());
            }
            if (contact.phone() != null) {
                ublContact.setTelephone(contact.phone());
            }
            deliveryParty.setContact(ublContact);
        }
        if (!deliveryParty.getPartyName().isEmpty() || deliveryParty.getContact() != null) {
            ubl.setDeliveryParty(deliveryParty);
        }
        return ubl;
    }

    private static Address deliveryAddress(Delivery delivery, CustomerNumber customerNumber) {
        if (delivery.target() == DeliveryTarget.BUFFER_STORE) {
            // The registry, not the message, says where a unit's buffer store is.
            if (customerNumber.bufferStore() == null) {
                throw new IllegalArgumentException("delivery.target BUFFER_STORE: customer number "
                        + customerNumber.number() + " has no buffer store in the registry");
            }
            return customerNumber.bufferStore().address();
        }
        return delivery.address();
    }

    private static AddressType address(Address address) {
        AddressType ubl = new AddressType();
        if (address.street() != null) {
            ubl.setStreetName(address.street());
        }
        if (address.careOf() != null) {
            ubl.setAdditionalStreetName(address.careOf());
        }
        if (address.city() != null) {
            ubl.setCityName(address.city());
        }
        if (address.postalCode() != null) {
            ubl.setPostalZone(address.postalCode());
        }
        ubl.setCountry(country());
        return ubl;
    }

    private static List<OrderLineType> lines(List<OrderLine> lines, Registry registry, SupplierRecipient endUser) {
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("lines must hold at least one line");
        }
        return IntStream.range(0, lines.size())
                .mapToObj(i -> line(i + 1, lines.get(i), registry, endUser))
                .toList();
    }

    private static OrderLineType line(int lineNumber, OrderLine line, Registry registry, SupplierRecipient endUser) {
        if (line.quantity() == null) {
            throw new IllegalArgumentException("lines.quantity is required");
        }
        if (line.articleNumber() == null || line.articleNumber().isBlank()) {
            throw new IllegalArgumentException("lines.articleNumber is required");
        }
        // The order was checked against the assortment in force when it was accepted; a catalogue may have withdrawn
        // the article since. The supplier decides then (it refuses what it no longer carries): the item is named by
        // its number rather than the order parked.
        String itemName = registry.article(line.articleNumber()).map(Article::name).orElse(line.articleNumber());
        LineItemType item = new LineItemType();
        item.setID(Integer.toString(lineNumber));
        QuantityType quantity = new QuantityType(BigDecimal.valueOf(line.quantity()));
        quantity.setUnitCode(UNIT_CODE);
        item.setQuantity(quantity);
        ItemType ublItem = new ItemType();
        ublItem.setName(itemName);
        ItemIdentificationType sellersId = new ItemIdentificationType();
        sellersId.setID(line.articleNumber());
        ublItem.setSellersItemIdentification(sellersId);
        if (endUser != null && endUser.personalIdentityNumber() != null) {
            ublItem.getAdditionalItemProperty().add(property(END_USER_IDENTITY, endUser.personalIdentityNumber()));
            ublItem.getAdditionalItemProperty().add(property(END_USER_PROTECTED,
                    Boolean.toString(endUser.protectedIdentity())));
        }
        item.setItem(ublItem);
        OrderLineType orderLine = new OrderLineType();
        orderLine.setLineItem(item);
        return orderLine;
    }

    private static ItemPropertyType property(String name, String value) {
        ItemPropertyType property = new ItemPropertyType();
        property.setName(name);
        property.setValue(value);
        return property;
    }

    private static PartyType partyAt(PeppolEndpoint endpoint) {
        EndpointIDType endpointId = new EndpointIDType(endpoint.id());
        endpointId.setSchemeID(endpoint.scheme());
        PartyType party = new PartyType();
        party.setEndpointID(endpointId);
        return party;
    }

    private static CustomerPartyType customerParty(PartyType party) {
        CustomerPartyType customer = new CustomerPartyType();
        customer.setParty(party);
        return customer;
    }

    private static PartyIdentificationType identification(String id) {
        PartyIdentificationType identification = new PartyIdentificationType();
        identification.setID(id);
        return identification;
    }

    private static PartyIdentificationType identification(String scheme, String id) {
        PartyIdentificationType identification = identification(id);
        identification.getID().setSchemeID(scheme);
        return identification;
    }

    private static PartyNameType name(String name) {
        PartyNameType partyName = new PartyNameType();
        partyName.setName(name);
        return partyName;
    }

    private static PartyLegalEntityType legalEntity(String registrationName) {
        PartyLegalEntityType legalEntity = new PartyLegalEntityType();
        legalEntity.setRegistrationName(registrationName);
        return legalEntity;
    }

    private static CountryType country() {
        CountryType country = new CountryType();
        country.setIdentificationCode(COUNTRY);
        return country;
    }
}
