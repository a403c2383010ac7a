package se.hjalpmedelsnav.mappings.message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an XML body: a secure streaming parse validated against the XSD on the way, with every
 * error given the field path the JSON form would have, then the record mapped from the JSON tree
 * the walk built, exactly as a JSON body's is.
 */
final class XmlMessageReader {

    private static final String LEXICAL_HANDLER = "http://xml.org/sax/properties/lexical-handler";
    /** The parser's messages in its own words whatever the JVM's locale, so the walk can tell an invalid character. */
    private static final String PARSER_LOCALE = "http://apache.org/xml/properties/locale";

    private final ParserLimits limits;
    private final Schema schema;
    private final XsdContentModel contentModel;
    private final SAXParserFactory parserFactory;
    // Neither a parser nor a validator is thread-safe, and both are costly to build: one of each per thread.
    private final ThreadLocal<ThreadTools> threadTools;

    /** The parser and the validator of one thread; each parse starts them afresh. */
    private record ThreadTools(XMLReader reader, ValidatorHandler validator) {
    }

    XmlMessageReader(ParserLimits limits) {
        this.limits = limits;
        this.schema = compileXsd();
        this.contentModel = XsdContentModel.read(MessageContract.XSD);
        this.parserFactory = secureParserFactory();
        this.threadTools = ThreadLocal.withInitial(() -> new ThreadTools(newXmlReader(), newValidator()));
    }

    ParseResult read(byte[] body) {
        ThreadTools tools = threadTools.get();
        ValidatorHandler validator = tools.validator();
        DocumentWalk walk = new DocumentWalk(limits, contentModel, validator);
        validator.setErrorHandler(walk);
        XMLReader reader = tools.reader();
        try {
            reader.setContentHandler(walk);
            reader.setErrorHandler(walk.wellFormednessErrors());
            reader.setProperty(LEXICAL_HANDLER, walk);
            reader.parse(new InputSource(new ByteArrayInputStream(body)));
        } catch (DocumentWalk.Refusal refusal) {
            return walk.header().reject(BodyFormat.XML, refusal.error());
        } catch (SAXParseException e) {
            return walk.header().reject(BodyFormat.XML, ContractError.of(ErrorCode.MALFORMED,
                    "body is not well-formed XML" + where(e)));
        } catch (SAXException | IOException e) {
            return walk.header().reject(BodyFormat.XML,
                    ContractError.of(ErrorCode.MALFORMED, "body is not well-formed XML"));
        } finally {
            release(reader, validator);
        }
        MessageHeader header = walk.header();
        if (MessageContract.of(header.type()).isEmpty()) {
            return header.reject(BodyFormat.XML, MessageContract.notSupportedYet(header.type(), null));
        }
        if (!walk.errors().isEmpty()) {
            return header.reject(BodyFormat.XML, walk.errors());
        }
        MessageContract contract = MessageContract.of(header.type()).orElseThrow();
        return MessageMapping.toRecord(walk.tree(), contract, header, BodyFormat.XML);
    }

    private static Schema compileXsd() {
        try (InputStream xsd = XmlMessageReader.class.getClassLoader().getResourceAsStream(MessageContract.XSD)) {
            if (xsd == null) {
                throw new IllegalStateException("schema not found on the class path: " + MessageContract.XSD);
            }
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(xsd, MessageContract.XSD));
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("cannot compile " + MessageContract.XSD, e);
        }
    }

    private ValidatorHandler newValidator() {
        ValidatorHandler validator = schema.newValidatorHandler();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("the XML validator cannot be secured", e);
        }
        return validator;
    }

    private static SAXParserFactory secureParserFactory() {
        try {
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot configure a secure XML parser", e);
        }
    }

    private XMLReader newXmlReader() {
        try {
            XMLReader reader;
            synchronized (parserFactory) {
                reader = parserFactory.newSAXParser().getXMLReader();
            }
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            reader.setProperty(PARSER_LOCALE, Locale.ROOT);
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot create a secure XML parser", e);
        }
    }

    /** Lets the walk of this message be collected; parser and validator stay with their thread. */
    private static void release(XMLReader reader, ValidatorHandler validator) {
        DefaultHandler none = new DefaultHandler();
        reader.setContentHandler(none);
        reader.setErrorHandler(none);
        validator.setErrorHandler(none);
        try {
            reader.setProperty(LEXICAL_HANDLER, null);
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            // The next parse sets it again.
        }
    }

    private static String where(SAXParseException e) {
        return e.getLineNumber() > 0 ? " (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")" : "";
    }

    static List<String> supportedRootElements() {
        return MessageContract.SUPPORTED.stream().map(MessageContract::rootElement).toList();
    }
}
