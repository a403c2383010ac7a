package se.hjalpmedelsnav.mappings.peppol;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.xml.parsers.DocumentBuilderFactory;
import oasis.names.specification.ubl.schema.xsd.catalogue_21.CatalogueType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CatalogueLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CommodityClassificationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemPropertyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyNameType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PeriodType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import se.hjalpmedelsnav.mappings.assortment.Catalogue;

/**
 * Reads a supplier's Peppol BIS Catalogue without response 3 (transaction T19, profile
 * {@value #PROFILE_ID}): with DTDs and external entities refused and a size limit ({@link #parse}), then bound to
 * the UBL 2.1 classes ({@link #read}), so the official rules can run between the two. Every refusal is a
 * {@link CatalogueRefused} with a stable code, never quoting the file.
 *
 * <p>The item properties the supplier agrees to give each line: {@value #PRODUCT_AREA} (the hub's product area
 * code, on which the ordering roles hang), {@value #ISO_9999} (the article's ISO 9999 code) and
 * {@value #MEDICAL_DEVICE} ({@code true} or {@code false}).
 */
public final class CatalogueReader {

    public static final String CUSTOMIZATION_ID = "urn:fdc:peppol.eu:poacc:trns:catalogue:3";
    public static final String PROFILE_ID = "urn:fdc:peppol.eu:poacc:bis:catalogue_wo_response:3";
    public static final String PRODUCT_AREA = "ProductArea";
    public static final String ISO_9999 = "ISO9999";
    public static final String MEDICAL_DEVICE = "MedicalDevice";
    /** 8 MiB: a whole assortment of a few thousand articles. */
    public static final int DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
    /** How much of a file's head is looked at to tell a catalogue from the status files. */
    public static final int HEAD_BYTES = 4096;

    private static final String CATALOGUE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Catalogue-2";
    private static final byte[] ROOT_NS = CATALOGUE_NS.getBytes(StandardCharsets.US_ASCII);

    private final int maxBytes;
    private final DocumentBuilderFactory parserFactory = PeppolXml.secureParserFactory();

    public CatalogueReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public CatalogueReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Whether the file's head names the UBL Catalogue namespace: the file is then read as a catalogue. */
    public static boolean isCatalogue(byte[] document) {
        if (document == null) {
            return false;
        }
        String head = new String(document, 0, Math.min(document.length, HEAD_BYTES), StandardCharsets.ISO_8859_1);
        return head.contains(new String(ROOT_NS, StandardCharsets.ISO_8859_1));
    }

    public Document parse(byte[] document) {
        Objects.requireNonNull(document, "document");
        if (document.length > maxBytes) {
            throw new CatalogueRefused(CatalogueRefused.FILE_TOO_LARGE, "the file is larger than " + maxBytes + " bytes");
        }
        Document parsed;
        try {
            parsed = PeppolXml.parse(document, parserFactory);
        } catch (IllegalArgumentException e) {
            throw new CatalogueRefused(CatalogueRefused.NOT_WELL_FORMED, e.getMessage());
        }
        Element root = parsed.getDocumentElement();
        if (!CATALOGUE_NS.equals(root.getNamespaceURI()) || !"Catalogue".equals(root.getLocalName())) {
            throw new CatalogueRefused(CatalogueRefused.NOT_A_CATALOGUE, "the root element is not a UBL 2.1 Catalogue");
        }
        return parsed;
    }

    public Catalogue read(Document document) {
        CatalogueType catalogue = UblMarshallers.catalogue().read(document.getDocumentElement());
        if (catalogue == null) {
            throw new CatalogueRefused(CatalogueRefused.NOT_A_CATALOGUE,
                    "the document does not meet the UBL 2.1 Catalogue schema");
        }
        if (!CUSTOMIZATION_ID.equals(trimmed(catalogue.getCustomizationIDValue()))
                || !PROFILE_ID.equals(trimmed(catalogue.getProfileIDValue()))) {
            throw new CatalogueRefused(CatalogueRefused.NOT_A_CATALOGUE, "cbc:CustomizationID and cbc:ProfileID must be "
                    + CUSTOMIZATION_ID + " and " + PROFILE_ID + " (Catalogue without response)");
        }
        Catalogue.HeaderAction action = headerAction(trimmed(catalogue.getActionCodeValue()));
        PeriodType whole = catalogue.getValidityPeriod().stream().findFirst().orElse(null);
        List<Catalogue.Line> lines = catalogue.getCatalogueLine().stream().map(line -> line(line, whole)).toList();
        return new Catalogue(trimmed(catalogue.getIDValue()), action, catalogue.getIssueDateValueLocal(), lines);
    }

    private static Catalogue.HeaderAction headerAction(String code) {
        if (code == null) {
            return Catalogue.HeaderAction.REPLACE;
        }
        return switch (code.toLowerCase(Locale.ROOT)) {
            case "add" -> Catalogue.HeaderAction.ADD;
            case "replace" -> Catalogue.HeaderAction.REPLACE;
            case "update" -> Catalogue.HeaderAction.UPDATE;
            case "delete" -> Catalogue.HeaderAction.DELETE;
            default -> throw new CatalogueRefused(CatalogueRefused.ACTION_UNKNOWN,
                    "the header's cbc:ActionCode is not Add, Replace, Update or Delete");
        };
    }

    /** A line; where it has no validity of its own, the catalogue's ({@code whole}, or null) is its. */
    private static Catalogue.Line line(CatalogueLineType line, PeriodType whole) {
        String lineId = trimmed(line.getIDValue());
        ItemType item = line.getItem();
        String articleNumber = item == null || item.getSellersItemIdentification() == null ? null
                : trimmed(item.getSellersItemIdentification().getIDValue());
        List<ItemPropertyType> properties = item == null ? List.of() : item.getAdditionalItemProperty();
        String medicalDevice = property(properties, MEDICAL_DEVICE);
        if (medicalDevice != null && !medicalDevice.equals("true") && !medicalDevice.equals("false")) {
            throw new CatalogueRefused(CatalogueRefused.PROPERTY_INVALID, "line " + lineId + ": the item property "
                    + MEDICAL_DEVICE + " must be true or false");
        }
        PeriodType validity = line.getLineValidityPeriod() != null ? line.getLineValidityPeriod() : whole;
        LocalDate from = validity == null ? null : validity.getStartDateValueLocal();
        LocalDate to = validity == null ? null : validity.getEndDateValueLocal();
        String iso9999 = property(properties, ISO_9999);
        List<Catalogue.Code> classifications = new ArrayList<>();
        if (iso9999 != null) {
            classifications.add(new Catalogue.Code(Catalogue.ISO_9999, iso9999));
        }
        if (item != null) {
            item.getCommodityClassification().stream().map(CommodityClassificationType::getItemClassificationCode)
                    .filter(code -> code != null && trimmed(code.getValue()) != null && code.getListID() != null)
                    .forEach(code -> classifications.add(new Catalogue.Code(code.getListID().trim(),
                            code.getValue().trim())));
        }
        String manufacturer = item == null ? null : item.getManufacturerParty().stream()
                .flatMap(party -> party.getPartyName().stream()).map(PartyNameType::getNameValue)
                .map(CatalogueReader::trimmed).filter(Objects::nonNull).findFirst().orElse(null);
        return new Catalogue.Line(lineId, lineAction(trimmed(line.getActionCodeValue()), lineId), articleNumber,
                item == null ? null : trimmed(item.getNameValue()),
                line.getOrderableIndicator() == null ? null : line.getOrderableIndicator().isValue(),
                property(properties, PRODUCT_AREA), iso9999,
                medicalDevice == null ? null : Boolean.valueOf(medicalDevice), manufacturer, from, to, classifications);
    }

    private static Catalogue.LineAction lineAction(String code, String lineId) {
        if (code == null) {
            return null;
        }
        return switch (code.toLowerCase(Locale.ROOT)) {
            case "add" -> Catalogue.LineAction.ADD;
            case "update" -> Catalogue.LineAction.UPDATE;
            case "delete" -> Catalogue.LineAction.DELETE;
            default -> throw new CatalogueRefused(CatalogueRefused.ACTION_UNKNOWN,
                    "line " + lineId + ": cbc:ActionCode is not Add, Update or Delete");
        };
    }

    private static String property(List<ItemPropertyType> properties, String name) {
        return properties.stream()
                .filter(property -> name.equals(trimmed(property.getNameValue())))
                .map(ItemPropertyType::getValueValue)
                .map(CatalogueReader::trimmed)
                .filter(value -> value != null && !value.isEmpty())
                .findFirst().orElse(null);
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
