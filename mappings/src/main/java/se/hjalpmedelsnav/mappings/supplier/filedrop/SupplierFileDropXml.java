package se.hjalpmedelsnav.mappings.supplier.filedrop;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventLocator;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;
import se.hjalpmedelsnav.mappings.returns.ReturnReason;
import se.hjalpmedelsnav.mappings.supplier.SupplierAddress;
import se.hjalpmedelsnav.mappings.supplier.SupplierContact;
import se.hjalpmedelsnav.mappings.supplier.SupplierCustomer;
import se.hjalpmedelsnav.mappings.supplier.SupplierEvent;
import se.hjalpmedelsnav.mappings.supplier.SupplierEventType;
import se.hjalpmedelsnav.mappings.supplier.SupplierFaultReport;
import se.hjalpmedelsnav.mappings.supplier.SupplierFaultReportStatus;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderer;
import se.hjalpmedelsnav.mappings.supplier.SupplierPickup;
import se.hjalpmedelsnav.mappings.supplier.SupplierReturn;
import se.hjalpmedelsnav.mappings.supplier.SupplierReturnStatus;
import se.hjalpmedelsnav.mappings.supplier.filedrop.xml.Address;
import se.hjalpmedelsnav.mappings.supplier.filedrop.xml.Contact;
import se.hjalpmedelsnav.mappings.supplier.filedrop.xml.Customer;
import se.hjalpmedelsnav.mappings.supplier.filedrop.xml.FaultReport;
import se.hjalpmedelsnav.mappings.supplier.filedrop.xml.FaultReportStatus;
import se.hjalpmedelsnav.mappings.supplier.filedrop.xml.FaultReportStatusCode;
import se.hjalpmedelsnav.mappings.supplier.filedrop.xml.Person;
import se.hjalpmedelsnav.mappings.supplier.filedrop.xml.Pickup;
import se.hjalpmedelsnav.mappings.supplier.filedrop.xml.Return;
import se.hjalpmedelsnav.mappings.supplier.filedrop.xml.ReturnStatus;
import se.hjalpmedelsnav.mappings.supplier.filedrop.xml.ReturnStatusCode;

/**
 * The hub's own XML of the supplier file drop ({@value #XSD}): returns and fault reports as the hub
 * writes them, and the supplier's status files about them. Both directions are checked against the
 * schema; what the hub writes carries exactly what the supplier API's JSON carries (the translators
 * have already left out what a protected user's message must not carry).
 *
 * <p>A document that is not well-formed, declares a DTD or breaks the schema is refused with an
 * {@link IllegalArgumentException} naming where (line, column) and, for a missing or unexpected
 * element, which; never a value from the document.
 */
public final class SupplierFileDropXml {

    public static final String XSD = "schema/supplier/supplier-filedrop.xsd";
    public static final String NAMESPACE = "urn:hjalpmedelsnav:supplier-filedrop:1";
    /** Status files are a few hundred bytes; anything much larger is not one. */
    public static final int MAX_BYTES = 256 * 1024;

    /**
     * The JAXB context and the compiled XSD, built on the first file written or read: a hub whose channels are all
     * the API never needs them, and its start would otherwise pay for both.
     */
    private static final class Binding {
        static final JAXBContext CONTEXT = context();
        static final Schema SCHEMA = schema();
    }
    private static final DatatypeFactory DATES = DatatypeFactory.newDefaultInstance();

    private final XMLInputFactory inputFactory = secureInputFactory();

    public String write(SupplierReturn supplierReturn) {
        Objects.requireNonNull(supplierReturn, "supplierReturn");
        Return xml = new Return();
        xml.setReturnId(supplierReturn.returnId());
        xml.setMunicipalityCode(supplierReturn.municipalityCode());
        xml.setCustomer(customer(supplierReturn.customer()));
        xml.setPayerNumber(supplierReturn.payerNumber());
        xml.setOrderer(person(supplierReturn.orderer()));
        xml.getDeviceId().addAll(supplierReturn.deviceIds());
        xml.setReason(supplierReturn.reason() == null ? null
                : se.hjalpmedelsnav.mappings.supplier.filedrop.xml.ReturnReason.fromValue(supplierReturn.reason().name()));
        xml.setLost(supplierReturn.lost());
        if (supplierReturn.pickup() != null) {
            Pickup pickup = new Pickup();
            pickup.setAddress(address(supplierReturn.pickup().address()));
            pickup.setContact(contact(supplierReturn.pickup().contact()));
            xml.setPickup(pickup);
        }
        xml.setNote(supplierReturn.note());
        return marshal(xml, "return");
    }

    public String write(SupplierFaultReport faultReport) {
        Objects.requireNonNull(faultReport, "faultReport");
        FaultReport xml = new FaultReport();
        xml.setFaultReportId(faultReport.faultReportId());
        xml.setMunicipalityCode(faultReport.municipalityCode());
        xml.setCustomer(customer(faultReport.customer()));
        xml.setPayerNumber(faultReport.payerNumber());
        xml.setReporter(person(faultReport.reporter()));
        xml.setDeviceId(faultReport.deviceId());
        xml.setArticleNumber(faultReport.articleNumber());
        xml.setDescription(faultReport.description());
        xml.setOutOfService(faultReport.outOfService());
        xml.setInjuryOrRisk(faultReport.injuryOrRisk());
        xml.setLocation(address(faultReport.location()));
        xml.setContact(contact(faultReport.contact()));
        return marshal(xml, "fault report");
    }

    /** A supplier status file for a RETURN_STATUS or FAULT_REPORT_STATUS event (what the supplier, or its simulator, writes). */
    public String writeStatus(SupplierEvent event) {
        Objects.requireNonNull(event, "event");
        XMLGregorianCalendar at = DATES.newXMLGregorianCalendar(GregorianCalendar.from(event.occurredAt().toZonedDateTime()));
        if (event.eventType() == SupplierEventType.RETURN_STATUS) {
            ReturnStatus xml = new ReturnStatus();
            xml.setReturnId(event.returnId());
            xml.setSupplierReturnId(event.supplierReturnId());
            xml.setStatus(ReturnStatusCode.fromValue(event.status().name()));
            xml.setReason(event.reason());
            xml.setOccurredAt(at);
            return marshal(xml, "return status");
        }
        if (event.eventType() == SupplierEventType.FAULT_REPORT_STATUS) {
            FaultReportStatus xml = new FaultReportStatus();
            xml.setFaultReportId(event.faultReportId());
            xml.setSupplierFaultReportId(event.supplierFaultReportId());
            xml.setStatus(FaultReportStatusCode.fromValue(event.status().name()));
            xml.getDeviceId().addAll(event.deviceIds());
            xml.setReason(event.reason());
            xml.setOccurredAt(at);
            return marshal(xml, "fault report status");
        }
        throw new IllegalArgumentException("only RETURN_STATUS and FAULT_REPORT_STATUS have a status file of the hub's own");
    }

    /**
     * The event a status file carries.
     *
     * @param eventId the id the event is deduplicated by (the same file twice is one event)
     */
    public SupplierEvent readStatus(byte[] document, String eventId) {
        Object root = read(document);
        if (root instanceof ReturnStatus status) {
            return new SupplierEvent(eventId, null, null, status.getReturnId(), status.getSupplierReturnId(), null, null,
                    SupplierEventType.RETURN_STATUS, SupplierReturnStatus.valueOf(status.getStatus().value()), List.of(),
                    status.getReason(), null, offsetDateTime(status.getOccurredAt()));
        }
        if (root instanceof FaultReportStatus status) {
            return new SupplierEvent(eventId, null, null, null, null, status.getFaultReportId(),
                    status.getSupplierFaultReportId(), SupplierEventType.FAULT_REPORT_STATUS,
                    SupplierFaultReportStatus.valueOf(status.getStatus().value()), status.getDeviceId(),
                    status.getReason(), null, offsetDateTime(status.getOccurredAt()));
        }
        throw new IllegalArgumentException("document is a " + rootName(root) + ", not a returnStatus or faultReportStatus");
    }

    /** A return or fault report as the hub wrote it (what the supplier, or its simulator, reads). */
    public Object readRequest(byte[] document) {
        Object root = read(document);
        if (root instanceof Return xml) {
            SupplierPickup pickup = xml.getPickup() == null ? null
                    : new SupplierPickup(address(xml.getPickup().getAddress()), contact(xml.getPickup().getContact()));
            return new SupplierReturn(xml.getReturnId(), xml.getMunicipalityCode(), customer(xml.getCustomer()),
                    xml.getPayerNumber(), person(xml.getOrderer()), xml.getDeviceId(),
                    ReturnReason.valueOf(xml.getReason().value()), xml.isLost(), pickup, xml.getNote());
        }
        if (root instanceof FaultReport xml) {
            return new SupplierFaultReport(xml.getFaultReportId(), xml.getMunicipalityCode(), customer(xml.getCustomer()),
                    xml.getPayerNumber(), person(xml.getReporter()), xml.getDeviceId(), xml.getArticleNumber(),
                    xml.getDescription(), xml.isOutOfService(), xml.isInjuryOrRisk(), address(xml.getLocation()),
                    contact(xml.getContact()));
        }
        throw new IllegalArgumentException("document is a " + rootName(root) + ", not a return or faultReport");
    }

    /** Whether the document's root element is in this schema's namespace (else it may be a UBL document). */
    public static boolean isOwnDocument(byte[] document) {
        String head = new String(document, 0, Math.min(document.length, 2048), StandardCharsets.UTF_8);
        return head.contains(NAMESPACE);
    }

    private Object read(byte[] document) {
        Objects.requireNonNull(document, "document");
        if (document.length > MAX_BYTES) {
            throw new IllegalArgumentException("document is larger than " + MAX_BYTES + " bytes");
        }
        AtomicReference<String> problem = new AtomicReference<>();
        try (InputStream in = new ByteArrayInputStream(document)) {
            XMLStreamReader reader = inputFactory.createXMLStreamReader(in);
            Unmarshaller unmarshaller = Binding.CONTEXT.createUnmarshaller();
            unmarshaller.setSchema(Binding.SCHEMA);
            unmarshaller.setEventHandler(event -> {
                problem.compareAndSet(null, describe(event));
                return false;
            });
            return unmarshaller.unmarshal(reader);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("document is not well-formed XML or declares a DTD" + where(e));
        } catch (JAXBException e) {
            if (problem.get() != null) {
                throw new IllegalArgumentException(problem.get());
            }
            Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e.getCause();
            if (cause instanceof XMLStreamException stream) {
                throw new IllegalArgumentException("document is not well-formed XML or declares a DTD" + where(stream));
            }
            throw new IllegalArgumentException("document is not one of " + XSD + "'s elements");
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("document could not be read");
        }
    }

    /**
     * Where the document breaks the schema. A message about the element structure names elements only
     * and is kept; any other (a pattern, an enumeration, a length) may quote the value and is not.
     */
    private static String describe(ValidationEvent event) {
        ValidationEventLocator locator = event.getLocator();
        String where = locator == null || locator.getLineNumber() < 0 ? ""
                : " at line " + locator.getLineNumber() + ", column " + locator.getColumnNumber();
        String message = event.getMessage() == null ? "" : event.getMessage();
        boolean structural = message.startsWith("cvc-complex-type.2.4") || message.startsWith("cvc-elt.1")
                || message.startsWith("unexpected element");
        return "document does not meet " + XSD + where + (structural ? ": " + message : ": a value is not allowed there");
    }

    private static String where(XMLStreamException e) {
        return e.getLocation() != null && e.getLocation().getLineNumber() > 0
                ? " (line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() + ")"
                : "";
    }

    private static String rootName(Object root) {
        return root == null ? "nothing" : root.getClass().getSimpleName();
    }

    private static String marshal(Object xml, String what) {
        try {
            Marshaller marshaller = Binding.CONTEXT.createMarshaller();
            marshaller.setSchema(Binding.SCHEMA);
            marshaller.setEventHandler(event -> false);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, StandardCharsets.UTF_8.name());
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            StringWriter out = new StringWriter();
            marshaller.marshal(xml, out);
            return out.toString();
        } catch (JAXBException e) {
            // The values are not quoted: the message may hold personal data.
            throw new IllegalArgumentException("the " + what + " does not meet " + XSD);
        }
    }

    private static Customer customer(SupplierCustomer customer) {
        if (customer == null) {
            return null;
        }
        Customer xml = new Customer();
        xml.setCustomerNumber(customer.customerNumber());
        xml.setUnitName(customer.unitName());
        return xml;
    }

    private static SupplierCustomer customer(Customer xml) {
        return xml == null ? null : new SupplierCustomer(xml.getCustomerNumber(), xml.getUnitName());
    }

    private static Person person(SupplierOrderer orderer) {
        if (orderer == null) {
            return null;
        }
        Person xml = new Person();
        xml.setId(orderer.id());
        xml.setName(orderer.name());
        xml.setRole(orderer.role());
        xml.setPhone(orderer.phone());
        xml.setPrivateContractorOrgNumber(orderer.privateContractorOrgNumber());
        return xml;
    }

    private static SupplierOrderer person(Person xml) {
        return xml == null ? null : new SupplierOrderer(xml.getId(), xml.getName(), xml.getRole(), xml.getPhone(),
                xml.getPrivateContractorOrgNumber());
    }

    private static Address address(SupplierAddress address) {
        if (address == null) {
            return null;
        }
        Address xml = new Address();
        xml.setCareOf(address.careOf());
        xml.setStreet(address.street());
        xml.setPostalCode(address.postalCode());
        xml.setCity(address.city());
        return xml;
    }

    private static SupplierAddress address(Address xml) {
        return xml == null ? null
                : new SupplierAddress(xml.getCareOf(), xml.getStreet(), xml.getPostalCode(), xml.getCity());
    }

    private static Contact contact(SupplierContact contact) {
        if (contact == null) {
            return null;
        }
        Contact xml = new Contact();
        xml.setName(contact.name());
        xml.setPhone(contact.phone());
        return xml;
    }

    private static SupplierContact contact(Contact xml) {
        return xml == null ? null : new SupplierContact(xml.getName(), xml.getPhone());
    }

    private static OffsetDateTime offsetDateTime(XMLGregorianCalendar at) {
        return at.toGregorianCalendar().toZonedDateTime().toOffsetDateTime();
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(Return.class, FaultReport.class, ReturnStatus.class, FaultReportStatus.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("the file drop's JAXB classes cannot be bound", e);
        }
    }

    private static Schema schema() {
        try (InputStream xsd = SupplierFileDropXml.class.getClassLoader().getResourceAsStream(XSD)) {
            if (xsd == null) {
                throw new IllegalStateException("schema not found on the class path: " + XSD);
            }
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(xsd, XSD));
        } catch (SAXException | java.io.IOException e) {
            throw new IllegalStateException("the file drop's schema cannot be compiled", e);
        }
    }

    private static XMLInputFactory secureInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
