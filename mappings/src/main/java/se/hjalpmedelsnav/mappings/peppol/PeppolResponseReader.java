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
        this.parserFactory = secureParserFactory();
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
            return fromOrderResponse(bind(UblMarshallers.orderResponse().read(root), "OrderResponse"));
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

    private static <T> T bind(T bound, String documentType) {
        if (bound == null) {
            throw new IllegalArgumentException("document is not a valid UBL 2.1 " + documentType);
        }
        return bound;
    }

    private Document parse(byte[] document) {
        try {
            DocumentBuilder builder = parserFactory.newDocumentBuilder();
            builder.setErrorHandler(FAIL_ON_ANY_ERROR);
            return builder.parse(new InputSource(new ByteArrayInputStream(document)));
        } catch (SAXException e) {
            // SAX messages can quote the document; only where it broke is told.
            throw new IllegalArgumentException("document is not well-formed XML or declares a DTD" + where(e));
        } catch (IOException | ParserConfigurationException e) {
            throw new IllegalArgumentException("document could not be read");
        }
    }

    private static String where(SAXException e) {
        return e instanceof SAXParseException p && p.getLineNumber() > 0
                ? " (line " + p.getLineNumber() + ", column " + p.getColumnNumber() + ")"
                : "";
    }

    private static DocumentBuilderFactory secureParserFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            // No DTD at all: no internal entity bombs, no external entities, nothing fetched.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static final ErrorHandler FAIL_ON_ANY_ERROR = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
            // A warning does not make the document unreadable.
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };
}
