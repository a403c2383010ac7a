package se.hjalpmedelsnav.mappings.peppol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a Peppol document the supplier dropped with DTDs and external entities refused and XInclude off. A
 * document that is not well-formed is refused with an {@link IllegalArgumentException} saying where it breaks,
 * never quoting it (SAX messages can quote the document).
 */
public final class PeppolXml {

    private PeppolXml() {
    }

    public static Document parse(byte[] document, DocumentBuilderFactory parserFactory) {
        try {
            DocumentBuilder builder = parserFactory.newDocumentBuilder();
            builder.setErrorHandler(FAIL_ON_ANY_ERROR);
            return builder.parse(new InputSource(new ByteArrayInputStream(document)));
        } catch (SAXException e) {
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

    /** A namespace-aware DOM parser that refuses any DTD: no entity bombs, no external entities, nothing fetched. */
    public static DocumentBuilderFactory secureParserFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
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
