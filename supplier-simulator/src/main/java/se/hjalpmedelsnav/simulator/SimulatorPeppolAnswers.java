package se.hjalpmedelsnav.simulator;

import com.helger.ubl21.UBL21Marshaller;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.DespatchLineType;
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
    private static final String DESPATCH_PROFILE = "urn:fdc:peppol.eu:poacc:bis:despatch_advice:3";
    private static final String DESPATCH_ADVICE = "urn:fdc:peppol.eu:poacc:trns:despatch_advice:3";

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
        return new SupplierOrder(order.getIDValue(), null, null, null, null, null, null, endUser(order), null, lines,
                null);
    }

    private static SupplierRecipient endUser(OrderType order) {
        List<ItemPropertyType> properties = order.getOrderLine().stream()
                .map(line -> line.getLineItem().getItem())
                .flatMap(item -> item.getAdditionalItemProperty().stream())
                .toList();
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
