package se.hjalpmedelsnav.mappings.incident.report;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

/** The Läkemedelsverket report's XSD, loaded with external access closed, as a validator would be in production. */
final class IncidentReportSchema {

    private static final Schema SCHEMA = load();

    private IncidentReportSchema() {
    }

    /** @throws SAXException when {@code xml} does not conform */
    static void validate(String xml) throws SAXException, IOException {
        Validator validator = SCHEMA.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.validate(new StreamSource(new StringReader(xml)));
    }

    private static Schema load() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            URL xsd = IncidentReportSchema.class.getResource(LakemedelsverketReportWriter.SCHEMA_RESOURCE);
            return factory.newSchema(new StreamSource(xsd.openStream(), xsd.toExternalForm()));
        } catch (SAXException | IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
