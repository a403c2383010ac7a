package se.hjalpmedelsnav.mappings.peppol;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CustomerPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.OrderLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyIdentificationType;
import oasis.names.specification.ubl.schema.xsd.orderresponse_21.OrderResponseType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads a Peppol BIS Order Agreement 3 (transaction T110: a UBL {@code OrderResponse} with the Order Agreement's
 * CustomizationID) from the supplier's file drop: the supplier's record of an order it took outside the hub.
 *
 * <p>In two steps, so that the official rules can run between them: {@link #parse} reads the bytes with DTDs and
 * external entities refused and a size limit, and checks the root; {@link #read} binds the document to the UBL 2.1
 * classes (which checks the UBL schema) and takes out what the hub needs. Every refusal is an
 * {@link OrderAgreementRefused} with a stable code, never quoting the file.
 */
public final class OrderAgreementReader {

    public static final String CUSTOMIZATION_ID = "urn:fdc:peppol.eu:poacc:trns:order_agreement:3";
    public static final String PROFILE_ID = "urn:fdc:peppol.eu:poacc:bis:order_agreement:3";
    /** How much of a file's head is looked at to tell an Order Agreement from the other status files. */
    public static final int HEAD_BYTES = 4096;
    /** 1 MiB, as for the other status files: an agreement is a few KiB. */
    public static final int DEFAULT_MAX_BYTES = 1024 * 1024;

    private static final String ORDER_RESPONSE_NS = "urn:oasis:names:specification:ubl:schema:xsd:OrderResponse-2";
    private static final byte[] CUSTOMIZATION_BYTES = CUSTOMIZATION_ID.getBytes(StandardCharsets.US_ASCII);
    /** The agreement's ID becomes the order's hub reference: the form and length of one. */
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._:-]{1,36}");

    private final int maxBytes;
    private final DocumentBuilderFactory parserFactory = PeppolXml.secureParserFactory();

    public OrderAgreementReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public OrderAgreementReader(int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
    }

    /** Whether the file's head names the Order Agreement's CustomizationID: the file is then read as one. */
    public static boolean isOrderAgreement(byte[] document) {
        if (document == null) {
            return false;
        }
        int end = Math.min(document.length, HEAD_BYTES) - CUSTOMIZATION_BYTES.length;
        for (int start = 0; start <= end; start++) {
            int i = 0;
            while (i < CUSTOMIZATION_BYTES.length && document[start + i] == CUSTOMIZATION_BYTES[i]) {
                i++;
            }
            if (i == CUSTOMIZATION_BYTES.length) {
                return true;
            }
        }
        return false;
    }

    /** The file as a DOM document whose root is a UBL OrderResponse: within the size limit, well-formed, no DTD. */
    public Document parse(byte[] document) {
        Objects.requireNonNull(document, "document");
        if (document.length > maxBytes) {
            throw new OrderAgreementRefused(OrderAgreementRefused.FILE_TOO_LARGE,
                    "the file is larger than " + maxBytes + " bytes");
        }
        Document parsed;
        try {
            parsed = PeppolXml.parse(document, parserFactory);
        } catch (IllegalArgumentException e) {
            throw new OrderAgreementRefused(OrderAgreementRefused.NOT_WELL_FORMED, e.getMessage());
        }
        Element root = parsed.getDocumentElement();
        if (!ORDER_RESPONSE_NS.equals(root.getNamespaceURI()) || !"OrderResponse".equals(root.getLocalName())) {
            throw new OrderAgreementRefused(OrderAgreementRefused.NOT_AN_ORDER_AGREEMENT,
                    "the root element is not a UBL 2.1 OrderResponse (an Order Agreement is one)");
        }
        return parsed;
    }

    /** The agreement in the hub's terms; the document has passed {@link #parse} (and, in the hub, the Peppol rules). */
    public OrderAgreement read(Document document) {
        OrderResponseType agreement = UblMarshallers.orderResponse().read(document.getDocumentElement());
        if (agreement == null) {
            throw new OrderAgreementRefused(OrderAgreementRefused.NOT_AN_ORDER_AGREEMENT,
                    "the document does not meet the UBL 2.1 OrderResponse schema");
        }
        if (!CUSTOMIZATION_ID.equals(trimmed(agreement.getCustomizationIDValue()))) {
            throw new OrderAgreementRefused(OrderAgreementRefused.NOT_AN_ORDER_AGREEMENT,
                    "cbc:CustomizationID is not " + CUSTOMIZATION_ID);
        }
        String agreementId = trimmed(agreement.getIDValue());
        if (agreementId == null || !REFERENCE.matcher(agreementId).matches()) {
            throw new OrderAgreementRefused(OrderAgreementRefused.AGREEMENT_ID_INVALID,
                    "cbc:ID must be 1-36 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-' (a UUID, say): it becomes "
                            + "the order's hub reference, which later status files name in OrderReference/ID");
        }
        List<OrderAgreement.Line> lines = agreement.getOrderLine().stream()
                .map(OrderLineType::getLineItem)
                .filter(Objects::nonNull)
                .map(item -> new OrderAgreement.Line(
                        item.getItem() == null || item.getItem().getSellersItemIdentification() == null ? null
                                : trimmed(item.getItem().getSellersItemIdentification().getIDValue()),
                        item.getQuantity() == null ? null : item.getQuantity().getValue()))
                .toList();
        return new OrderAgreement(agreementId, trimmed(agreement.getSalesOrderIDValue()),
                agreement.getIssueDateValueLocal(), partyId(agreement.getBuyerCustomerParty()).orElse(null),
                partyId(agreement.getAccountingCustomerParty()).orElse(null), lines);
    }

    private static Optional<String> partyId(CustomerPartyType customer) {
        if (customer == null || customer.getParty() == null) {
            return Optional.empty();
        }
        return customer.getParty().getPartyIdentification().stream()
                .map(PartyIdentificationType::getIDValue)
                .map(OrderAgreementReader::trimmed)
                .filter(id -> id != null && !id.isEmpty())
                .findFirst();
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
