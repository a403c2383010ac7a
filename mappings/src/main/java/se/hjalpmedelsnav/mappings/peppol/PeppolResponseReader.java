package se.hjalpmedelsnav.mappings.peppol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.DespatchLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemInstanceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.OrderReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.NoteType;
import oasis.names.specification.ubl.schema.xsd.despatchadvice_21.DespatchAdviceType;
import oasis.names.specification.ubl.schema.xsd.orderresponse_21.OrderResponseType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import se.hjalpmedelsnav.mappings.message.OrderStatus;

/**
 * Reads what the supplier drops back: a Peppol BIS {@code OrderResponse} (accepted AP, rejected RE,
 * accepted with change CA, or merely acknowledged AB) or a {@code DespatchAdvice} with the device
 * ids as item instance serial ids.
 *
 * <p>The document is parsed with DTDs and external entities refused, then bound to the UBL 2.1
 * classes, which checks it against the UBL schema. A document that fails either is refused with an
 * {@link IllegalArgumentException}; its content is never quoted.
 */
public final class PeppolResponseReader {

    /** 1 MiB: a despatch advice for a large delivery is tens of KiB. */
    public static final int DEFAULT_MAX_BYTES = 1024 * 1024;

    private static final String UBL_NS_PREFIX = "urn:oasis:names:specification:ubl:schema:xsd:";
    private static final String ORDER_RESPONSE_NS = UBL_NS_PREFIX + "OrderResponse-2";
    private static final String DESPATCH_ADVICE_NS = UBL_NS_PREFIX + "DespatchAdvice-2";

    private final int maxBytes;
    private final DocumentBuilderFactory parserFactory;

    public PeppolResponseReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public PeppolResponseReader(int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
        this.parserFactory = PeppolXml.secureParserFactory();
    }

    /**
     * The order update the document carries, or empty for an acknowledgement (AB) that says the
     * supplier received the order and has not decided yet.
     */
    public Optional<SupplierOrderUpdate> read(byte[] document) {
        Objects.requireNonNull(document, "document");
        if (document.length > maxBytes) {
            throw new IllegalArgumentException("document is larger than " + maxBytes + " bytes");
        }
        Element root = parse(document).getDocumentElement();
        String namespace = root.getNamespaceURI();
        if (ORDER_RESPONSE_NS.equals(namespace) && "OrderResponse".equals(root.getLocalName())) {
            OrderResponseType response = bind(UblMarshallers.orderResponse().read(root), "OrderResponse");
            if (OrderAgreementReader.CUSTOMIZATION_ID.equals(trimmed(response.getCustomizationIDValue()))) {
                // Order Agreements are told apart by the head of the file (OrderAgreementReader.isOrderAgreement).
                throw new IllegalArgumentException("an Order Agreement must name its CustomizationID within its first "
                        + OrderAgreementReader.HEAD_BYTES + " bytes");
            }
            return fromOrderResponse(response);
        }
        if (DESPATCH_ADVICE_NS.equals(namespace) && "DespatchAdvice".equals(root.getLocalName())) {
            return Optional.of(fromDespatchAdvice(bind(UblMarshallers.despatchAdvice().read(root), "DespatchAdvice")));
        }
        throw new IllegalArgumentException("document is neither a UBL OrderResponse nor a UBL DespatchAdvice");
    }

    private static Optional<SupplierOrderUpdate> fromOrderResponse(OrderResponseType response) {
        String hubReference = orderReference(response.getOrderReference(), "OrderResponse");
        String code = response.getOrderResponseCodeValue();
        String note = notes(response.getNote());
        String supplierOrderId = response.getSalesOrderIDValue();
        if (code == null) {
            throw new IllegalArgumentException("OrderResponse has no OrderResponseCode");
        }
        return switch (code.trim()) {
            case "AP" -> Optional.of(new SupplierOrderUpdate(hubReference, supplierOrderId, OrderStatus.CONFIRMED,
                    false, null, List.of()));
            case "CA" -> Optional.of(new SupplierOrderUpdate(hubReference, supplierOrderId, OrderStatus.CONFIRMED,
                    true, note, List.of()));
            case "RE" -> Optional.of(new SupplierOrderUpdate(hubReference, supplierOrderId,
                    OrderStatus.REJECTED_BY_SUPPLIER, false, note, List.of()));
            case "AB" -> Optional.empty();
            default -> throw new IllegalArgumentException("OrderResponseCode is not one of AB, AP, CA, RE");
        };
    }

    private static SupplierOrderUpdate fromDespatchAdvice(DespatchAdviceType advice) {
        String hubReference = orderReference(advice.getOrderReference(), "DespatchAdvice");
        List<String> deviceIds = advice.getDespatchLine().stream()
                .map(DespatchLineType::getItem)
                .filter(Objects::nonNull)
                .flatMap(item -> item.getItemInstance().stream())
                .map(ItemInstanceType::getSerialIDValue)
                .filter(serial -> serial != null && !serial.isBlank())
                .map(String::trim)
                .toList();
        return new SupplierOrderUpdate(hubReference, null, OrderStatus.DELIVERED, false, null, deviceIds);
    }

    private static String orderReference(List<OrderReferenceType> references, String documentType) {
        return references.stream()
                .map(OrderReferenceType::getIDValue)
                .filter(id -> id != null && !id.isBlank())
                .map(String::trim)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(documentType + " has no OrderReference/ID"));
    }

    private static String notes(List<NoteType> notes) {
        String joined = String.join("\n", notes.stream()
                .map(NoteType::getValue)
                .filter(text -> text != null && !text.isBlank())
                .map(String::trim)
                .toList());
        return joined.isEmpty() ? null : joined;
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }

    private static <T> T bind(T bound, String documentType) {
        if (bound == null) {
            throw new IllegalArgumentException("document is not a valid UBL 2.1 " + documentType);
        }
        return bound;
    }

    private Document parse(byte[] document) {
        return PeppolXml.parse(document, parserFactory);
    }
}
