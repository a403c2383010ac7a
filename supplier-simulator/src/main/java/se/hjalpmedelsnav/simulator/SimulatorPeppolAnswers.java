package se.hjalpmedelsnav.simulator;

import com.helger.ubl21.UBL21Marshaller;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AddressType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CountryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CustomerPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.DespatchLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyIdentificationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyLegalEntityType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyNameType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PriceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.SupplierPartyType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.EndpointIDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.PriceAmountType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.QuantityType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemIdentificationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemInstanceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.LineItemType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.OrderLineReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.OrderLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.OrderReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.NoteType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.DeliveredQuantityType;
import oasis.names.specification.ubl.schema.xsd.despatchadvice_21.DespatchAdviceType;
import oasis.names.specification.ubl.schema.xsd.order_21.OrderType;
import oasis.names.specification.ubl.schema.xsd.orderresponse_21.OrderResponseType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemPropertyType;
import oasis.names.specification.ubl.schema.xsd.catalogue_21.CatalogueType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CatalogueLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PeriodType;
import se.hjalpmedelsnav.mappings.peppol.CatalogueReader;
import se.hjalpmedelsnav.mappings.peppol.PeppolOrderWriter;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrder;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderLine;
import se.hjalpmedelsnav.mappings.supplier.SupplierRecipient;

/**
 * What the simulated supplier answers a Peppol {@code Order} with in the file drop: an
 * {@code OrderResponse} (AP accepted with the supplier's order number, or RE rejected with its
 * reason) and a {@code DespatchAdvice} naming each delivered unit's device id as its item
 * instance's serial id. The parties are those of the order.
 */
final class SimulatorPeppolAnswers {

    private static final String PROFILE = "urn:fdc:peppol.eu:poacc:bis:ordering:3";
    private static final String ORDER_RESPONSE = "urn:fdc:peppol.eu:poacc:trns:order_response:3";
    private static final String ORDER_AGREEMENT = "urn:fdc:peppol.eu:poacc:trns:order_agreement:3";
    private static final String ORDER_AGREEMENT_PROFILE = "urn:fdc:peppol.eu:poacc:bis:order_agreement:3";
    private static final String CATALOGUE = "urn:fdc:peppol.eu:poacc:trns:catalogue:3";
    private static final String CATALOGUE_PROFILE = "urn:fdc:peppol.eu:poacc:bis:catalogue_wo_response:3";
    private static final String DESPATCH_PROFILE = "urn:fdc:peppol.eu:poacc:bis:despatch_advice:3";
    private static final String DESPATCH_ADVICE = "urn:fdc:peppol.eu:poacc:trns:despatch_advice:3";
    /** The simulated supplier's and a municipality's Peppol endpoints in an Order Agreement (FICTIONAL numbers). */
    static final String SUPPLIER_ENDPOINT = "5569990004";
    static final String MUNICIPALITY_ENDPOINT = "2120009994";
    private static final String ORGANISATION_NUMBER = "0007";

    private SimulatorPeppolAnswers() {
    }

    /**
     * The order as the simulated supplier's business sees it: its id (the hub reference), its lines, and the user
     * the devices are for, as the lines' end-user item properties name them (the hub's contract: every line names
     * the same user).
     */
    static SupplierOrder toSupplierOrder(OrderType order) {
        List<SupplierOrderLine> lines = order.getOrderLine().stream()
                .map(OrderLineType::getLineItem)
                .map(item -> new SupplierOrderLine(item.getItem().getSellersItemIdentification().getIDValue(),
                        item.getQuantity().getValue().intValueExact()))
                .toList();
        SupplierOrder supplierOrder = new SupplierOrder(order.getIDValue(), null, null, null, null, null, null,
                endUser(order), null, lines, null);
        List<ItemPropertyType> properties = itemProperties(order);
        // A buffer store's hand-out (the hub's contract): registered, not shipped.
        return Boolean.parseBoolean(property(properties, PeppolOrderWriter.HAND_OUT_FROM_STOCK))
                ? supplierOrder.asHandOutOf(property(properties, PeppolOrderWriter.HANDED_OUT_DEVICE_ID))
                : supplierOrder;
    }

    private static List<ItemPropertyType> itemProperties(OrderType order) {
        return order.getOrderLine().stream()
                .map(line -> line.getLineItem().getItem())
                .flatMap(item -> item.getAdditionalItemProperty().stream())
                .toList();
    }

    private static SupplierRecipient endUser(OrderType order) {
        List<ItemPropertyType> properties = itemProperties(order);
        String identity = property(properties, PeppolOrderWriter.END_USER_IDENTITY);
        if (identity == null) {
            return null;
        }
        boolean protectedIdentity = Boolean.parseBoolean(property(properties, PeppolOrderWriter.END_USER_PROTECTED));
        return new SupplierRecipient(identity, null, protectedIdentity, null);
    }

    private static String property(List<ItemPropertyType> properties, String name) {
        return properties.stream()
                .filter(property -> name.equals(property.getNameValue()))
                .map(ItemPropertyType::getValueValue)
                .filter(value -> value != null && !value.isBlank())
                .map(String::trim)
                .findFirst()
                .orElse(null);
    }

    static String accepted(OrderType order, String supplierOrderId) {
        return orderResponse(order, "AP", supplierOrderId, null);
    }

    static String rejected(OrderType order, String reason) {
        return orderResponse(order, "RE", null, reason);
    }

    private static String orderResponse(OrderType order, String code, String supplierOrderId, String reason) {
        OrderResponseType response = new OrderResponseType();
        response.setCustomizationID(ORDER_RESPONSE);
        response.setProfileID(PROFILE);
        response.setID("OR-" + UUID.randomUUID());
        if (supplierOrderId != null) {
            response.setSalesOrderID(supplierOrderId);
        }
        response.setIssueDate(LocalDate.now(SimulatedSupplier.SWEDEN));
        response.setOrderResponseCode(code);
        if (reason != null) {
            response.getNote().add(new NoteType(reason));
        }
        response.setDocumentCurrencyCode(order.getDocumentCurrencyCodeValue());
        response.getOrderReference().add(reference(order));
        response.setSellerSupplierParty(order.getSellerSupplierParty());
        response.setBuyerCustomerParty(order.getBuyerCustomerParty());
        return written(UBL21Marshaller.orderResponse().getAsString(response), "OrderResponse");
    }

    /** One despatch line per order line, its units' device ids taken in order from {@code deviceIds}. */
    static String despatched(OrderType order, List<String> deviceIds) {
        DespatchAdviceType advice = new DespatchAdviceType();
        advice.setCustomizationID(DESPATCH_ADVICE);
        advice.setProfileID(DESPATCH_PROFILE);
        advice.setID("DA-" + UUID.randomUUID());
        advice.setIssueDate(LocalDate.now(SimulatedSupplier.SWEDEN));
        advice.getOrderReference().add(reference(order));
        advice.setDespatchSupplierParty(new oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21
                .SupplierPartyType());
        advice.getDespatchSupplierParty().setParty(order.getSellerSupplierParty().getParty());
        advice.setDeliveryCustomerParty(order.getBuyerCustomerParty());
        Iterator<String> devices = deviceIds.iterator();
        for (OrderLineType orderLine : order.getOrderLine()) {
            LineItemType item = orderLine.getLineItem();
            DespatchLineType line = new DespatchLineType();
            line.setID(item.getIDValue());
            DeliveredQuantityType quantity = new DeliveredQuantityType(item.getQuantity().getValue());
            quantity.setUnitCode(item.getQuantity().getUnitCode());
            line.setDeliveredQuantity(quantity);
            OrderLineReferenceType lineReference = new OrderLineReferenceType();
            lineReference.setLineID(item.getIDValue());
            line.getOrderLineReference().add(lineReference);
            ItemType despatched = new ItemType();
            despatched.setName(item.getItem().getNameValue());
            ItemIdentificationType sellersId = new ItemIdentificationType();
            sellersId.setID(item.getItem().getSellersItemIdentification().getIDValue());
            despatched.setSellersItemIdentification(sellersId);
            for (int unit = 0; unit < item.getQuantity().getValue().intValueExact() && devices.hasNext(); unit++) {
                ItemInstanceType instance = new ItemInstanceType();
                instance.setSerialID(devices.next());
                despatched.getItemInstance().add(instance);
            }
            line.setItem(despatched);
            advice.getDespatchLine().add(line);
        }
        return written(UBL21Marshaller.despatchAdvice().getAsString(advice), "DespatchAdvice");
    }

    /** One line of an order the simulated supplier took by phone: its article and quantity. */
    public record AgreedLine(String articleNumber, int quantity) {
    }

    /**
     * A Peppol BIS Order Agreement 3 for an order the simulated supplier took outside the hub (by phone) on a
     * municipality's customer and payer numbers: what the supplier drops so the hub learns of it.
     *
     * @param agreementId the agreement's ID; later status files for the order name it in OrderReference/ID
     */
    static String orderAgreement(String agreementId, String supplierOrderId, String customerNumber,
            String payerNumber, List<AgreedLine> lines) {
        OrderResponseType agreement = new OrderResponseType();
        agreement.setCustomizationID(ORDER_AGREEMENT);
        agreement.setProfileID(ORDER_AGREEMENT_PROFILE);
        agreement.setID(agreementId);
        agreement.setSalesOrderID(supplierOrderId);
        agreement.setIssueDate(LocalDate.now(SimulatedSupplier.SWEDEN));
        agreement.setDocumentCurrencyCode("SEK");
        OrderReferenceType phoneCall = new OrderReferenceType();
        phoneCall.setID("PHONE-" + supplierOrderId);
        agreement.getOrderReference().add(phoneCall);
        agreement.setSellerSupplierParty(new SupplierPartyType());
        agreement.getSellerSupplierParty().setParty(party(SUPPLIER_ENDPOINT, null, "Hjälpmedelsleverantören AB (fiktiv)",
                true));
        agreement.setBuyerCustomerParty(new CustomerPartyType());
        agreement.getBuyerCustomerParty().setParty(party(MUNICIPALITY_ENDPOINT, customerNumber, "Kommunen (fiktiv)",
                false));
        agreement.setAccountingCustomerParty(new CustomerPartyType());
        PartyType invoicee = new PartyType();
        PartyIdentificationType payer = new PartyIdentificationType();
        payer.setID(payerNumber);
        invoicee.getPartyIdentification().add(payer);
        PartyNameType invoiceeName = new PartyNameType();
        invoiceeName.setName("Kommunen (fiktiv)");
        invoicee.getPartyName().add(invoiceeName);
        agreement.getAccountingCustomerParty().setParty(invoicee);
        int lineNumber = 0;
        for (AgreedLine agreed : lines) {
            LineItemType item = new LineItemType();
            item.setID(Integer.toString(++lineNumber));
            QuantityType quantity = new QuantityType(java.math.BigDecimal.valueOf(agreed.quantity()));
            quantity.setUnitCode("EA");
            item.setQuantity(quantity);
            PriceType price = new PriceType();
            PriceAmountType amount = new PriceAmountType(java.math.BigDecimal.ZERO);
            amount.setCurrencyID("SEK");
            price.setPriceAmount(amount);
            item.setPrice(price);
            ItemType article = new ItemType();
            article.setName("Artikel " + agreed.articleNumber());
            ItemIdentificationType sellersId = new ItemIdentificationType();
            sellersId.setID(agreed.articleNumber());
            article.setSellersItemIdentification(sellersId);
            item.setItem(article);
            OrderLineType line = new OrderLineType();
            line.setLineItem(item);
            agreement.getOrderLine().add(line);
        }
        return written(UBL21Marshaller.orderResponse().getAsString(agreement), "Order Agreement");
    }

    private static PartyType party(String endpoint, String identification, String name, boolean withCountry) {
        PartyType party = new PartyType();
        EndpointIDType endpointId = new EndpointIDType(endpoint);
        endpointId.setSchemeID(ORGANISATION_NUMBER);
        party.setEndpointID(endpointId);
        if (identification != null) {
            PartyIdentificationType id = new PartyIdentificationType();
            id.setID(identification);
            party.getPartyIdentification().add(id);
        }
        if (withCountry) {
            AddressType address = new AddressType();
            CountryType country = new CountryType();
            country.setIdentificationCode("SE");
            address.setCountry(country);
            party.setPostalAddress(address);
        }
        PartyLegalEntityType legal = new PartyLegalEntityType();
        legal.setRegistrationName(name);
        party.getPartyLegalEntity().add(legal);
        return party;
    }

    /**
     * One article of the simulated supplier's assortment as it publishes it: the item properties the hub reads
     * (ProductArea, MedicalDevice, ISO9999) and whether it may be ordered.
     */
    public record CatalogueArticle(String articleNumber, String name, String productArea, boolean medicalDevice,
            String iso9999, Boolean orderable) {
    }

    /**
     * The simulated supplier's assortment as a Peppol BIS Catalogue without response 3: the header action
     * ({@code Add}, {@code Replace}, {@code Update} or {@code Delete}) and one line per article with that line action
     * (none for a whole catalogue).
     */
    static String catalogue(String catalogueId, String headerAction, String lineAction, List<CatalogueArticle> articles) {
        CatalogueType catalogue = new CatalogueType();
        catalogue.setCustomizationID(CATALOGUE);
        catalogue.setProfileID(CATALOGUE_PROFILE);
        catalogue.setID(catalogueId);
        catalogue.setActionCode(headerAction);
        // Issued today and in force from today: its lines (none has a validity of its own) are orderable from today.
        LocalDate today = LocalDate.now(SimulatedSupplier.SWEDEN);
        catalogue.setIssueDate(today);
        PeriodType validity = new PeriodType();
        validity.setStartDate(today);
        catalogue.getValidityPeriod().add(validity);
        catalogue.setProviderParty(party(SUPPLIER_ENDPOINT, null, "Hjälpmedelsleverantören AB (fiktiv)", false));
        catalogue.setReceiverParty(party(MUNICIPALITY_ENDPOINT, null, "Hjälpmedelsnav (fiktiv)", false));
        int lineNumber = 0;
        for (CatalogueArticle article : articles) {
            CatalogueLineType line = new CatalogueLineType();
            line.setID(Integer.toString(++lineNumber));
            if (lineAction != null) {
                line.setActionCode(lineAction);
            }
            if (article.orderable() != null) {
                line.setOrderableIndicator(article.orderable());
            }
            ItemType item = new ItemType();
            item.setName(article.name());
            ItemIdentificationType sellersId = new ItemIdentificationType();
            sellersId.setID(article.articleNumber());
            item.setSellersItemIdentification(sellersId);
            item.getAdditionalItemProperty().add(property(CatalogueReader.PRODUCT_AREA, article.productArea()));
            item.getAdditionalItemProperty().add(property(CatalogueReader.MEDICAL_DEVICE,
                    Boolean.toString(article.medicalDevice())));
            if (article.iso9999() != null) {
                item.getAdditionalItemProperty().add(property(CatalogueReader.ISO_9999, article.iso9999()));
            }
            line.setItem(item);
            catalogue.getCatalogueLine().add(line);
        }
        return written(UBL21Marshaller.catalogue().getAsString(catalogue), "Catalogue");
    }

    private static ItemPropertyType property(String name, String value) {
        ItemPropertyType property = new ItemPropertyType();
        property.setName(name);
        property.setValue(value);
        return property;
    }

    static OrderType readOrder(byte[] document) {
        OrderType order = UBL21Marshaller.order().read(document);
        if (order == null) {
            throw new IllegalArgumentException("not a UBL 2.1 Order");
        }
        return order;
    }

    private static OrderReferenceType reference(OrderType order) {
        OrderReferenceType reference = new OrderReferenceType();
        reference.setID(order.getIDValue());
        return reference;
    }

    private static String written(String xml, String what) {
        if (xml == null) {
            throw new IllegalStateException("the simulator's " + what + " does not meet the UBL 2.1 schema");
        }
        return xml;
    }
}
