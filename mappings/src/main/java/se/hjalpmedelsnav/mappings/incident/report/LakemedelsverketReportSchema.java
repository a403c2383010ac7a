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
import org.xml.sax.SAXParseException;

/**
 * The XSD of the report to Läkemedelsverket ({@value LakemedelsverketReportWriter#SCHEMA_RESOURCE}), compiled
 * once, with external access closed. Every report is checked against it before it leaves the hub.
 */
public final class LakemedelsverketReportSchema {

    /** Compiled on the first report, not at the hub's start. */
    private static final class Compiled {
        static final Schema SCHEMA = load();
    }

    /**
     * @throws ReportNotValidException when {@code xml} does not conform; its message says where, never what
     *                                  was found there (the validator's own messages quote values)
     */
    public void check(String xml) {
        try {
            Validator validator = Compiled.SCHEMA.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw new ReportNotValidException("the report to Läkemedelsverket does not conform to its XSD (line "
                    + e.getLineNumber() + ", column " + e.getColumnNumber() + ")");
        } catch (SAXException | IOException e) {
            throw new ReportNotValidException("the report to Läkemedelsverket could not be checked against its XSD ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** A report the hub produced that its own schema refuses: a defect, never retried. */
    public static final class ReportNotValidException extends RuntimeException {
        public ReportNotValidException(String message) {
            super(message);
        }
    }

    private static Schema load() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            URL xsd = LakemedelsverketReportSchema.class.getResource(LakemedelsverketReportWriter.SCHEMA_RESOURCE);
            return factory.newSchema(new StreamSource(xsd.openStream(), xsd.toExternalForm()));
        } catch (SAXException | IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
