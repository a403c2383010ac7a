package se.hjalpmedelsnav.mappings.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ext.DefaultHandler2;

/**
 * One XML body's way through the parser: SAX events pass through here to the XSD validator, and
 * this walk keeps the element path so that each validation error gets the field path the JSON form
 * would have ({@code lines[0].quantity}). Its messages are built from the kind of error (the
 * validator's cvc-* key) and the XSD's own facets, never from the validator's text, which quotes
 * the offending value and follows the default locale.
 *
 * <p>On the way it builds the JSON tree the same message sent as JSON would give, so that both
 * forms are mapped to their record by the same code. (Jackson XML cannot read a wrapped list into a
 * record's constructor before Jackson 3.2, jackson-dataformat-xml#517.)
 *
 * <p>It also enforces what a schema cannot: no DTD, a known root element, the depth and text limits, and
 * text without control characters or surrogates: a character reference to one ({@code &#xD800;}) is told
 * from other breaks of well-formedness by the parser's message in a fixed locale, and refused on its field.
 * Used once, by one thread.
 */
final class DocumentWalk extends DefaultHandler2 {

    /** Stops the parse: the body is refused without reading further. */
    static final class Refusal extends SAXException {

        private final transient ContractError error;

        Refusal(ContractError error) {
            super(error.message());
            this.error = error;
        }

        ContractError error() {
            return error;
        }
    }

    /** An open element. */
    private static final class Frame {
        final String name;
        final String field;
        final boolean declared;
        /** The element's complex type; null for text-only and undeclared elements. */
        final XsdContentModel.ComplexType type;
        /** The JSON object or array the element becomes; null for text-only and undeclared elements. */
        final ContainerNode<?> node;
        /** The rules on a declared text-only element; null for the others. */
        final XsdContentModel.TextRule rule;
        final StringBuilder text;
        final Set<String> seenChildren = new HashSet<>();
        final Map<String, Integer> repeatedChildren = new HashMap<>();
        boolean contentInvalid;
        /** A child the validator did not expect before a required sibling: missing sibling, or wrong order. */
        String unexpectedField;
        int textLength;

        private Frame(String name, String field, boolean declared, XsdContentModel.ComplexType type,
                XsdContentModel.TextRule rule) {
            this.name = name;
            this.field = field;
            this.declared = declared;
            this.type = type;
            this.node = type == null ? null : type.isList() ? JSON.arrayNode() : JSON.objectNode();
            this.rule = rule;
            this.text = rule == null ? null : new StringBuilder();
        }

        static Frame complex(String name, String field, XsdContentModel.ComplexType type) {
            return new Frame(name, field, true, type, null);
        }

        static Frame text(String name, String field, XsdContentModel.TextRule rule) {
            return new Frame(name, field, true, null, rule);
        }

        static Frame undeclared(String name, String field) {
            return new Frame(name, field, false, null, null);
        }

        void attach(String childName, JsonNode value) {
            if (node instanceof ArrayNode array) {
                array.add(value);
            } else if (node instanceof ObjectNode object) {
                object.set(childName, value);
            }
        }
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private enum Phase { START, TEXT, END }

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern ERROR_KEY = Pattern.compile("^(cvc-[A-Za-z0-9.-]+):");
    /**
     * The parser's message (in {@link XmlMessageReader}'s fixed locale) for a character XML 1.0 does not
     * allow, written as a character reference or, in a UTF-16 body, as itself in an element's text.
     */
    private static final Pattern INVALID_CHARACTER = Pattern.compile(
            "^Character reference \"&#(x?)([0-9A-Fa-f]{1,8})\" is an invalid XML character"
                    + "|^An invalid XML character \\(Unicode: 0x([0-9A-Fa-f]{1,8})\\) was found in the element content");
    static final String CONTROL_CHARACTERS = "must not contain control characters";
    static final String SURROGATE = "must not contain a surrogate (U+D800-U+DFFF), which is no character: write "
            + "the character itself, or refer to it by its code point (&#x1F600;), never by the halves of its "
            + "UTF-16 pair";

    private final ParserLimits limits;
    private final XsdContentModel contentModel;
    private final ValidatorHandler validator;
    private final Deque<Frame> open = new ArrayDeque<>();
    private final Set<ContractError> errors = new LinkedHashSet<>();
    private final Set<String> fieldsWithErrors = new HashSet<>();
    private Phase phase = Phase.START;
    private MessageType type;
    private ObjectNode tree;

    DocumentWalk(ParserLimits limits, XsdContentModel contentModel, ValidatorHandler validator) {
        this.limits = limits;
        this.contentModel = contentModel;
        this.validator = validator;
    }

    List<ContractError> errors() {
        return new ArrayList<>(errors);
    }

    MessageHeader header() {
        return MessageHeader.read(textOf("messageId"), textOf("kommunCode"), type);
    }

    /**
     * The message as the JSON tree its JSON form would give: lists as arrays, booleans and integers
     * typed by the XSD. Complete only when the walk ended without errors.
     */
    ObjectNode tree() {
        return tree;
    }

    private String textOf(String member) {
        JsonNode value = tree == null ? null : tree.get(member);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** For the parser itself: any well-formedness error ends the parse. */
    ErrorHandler wellFormednessErrors() {
        return new ErrorHandler() {
            @Override
            public void warning(SAXParseException exception) {
                // Nothing a sender needs to hear about.
            }

            @Override
            public void error(SAXParseException exception) throws SAXException {
                throw exception;
            }

            @Override
            public void fatalError(SAXParseException exception) throws SAXException {
                throw invalidCharacterInText(exception).<SAXException>map(Refusal::new).orElse(exception);
            }
        };
    }

    /**
     * A character no text of the contract holds, met in a field's text: refused on that field as the JSON
     * form refuses it, not as a body that is not XML. Anything else the parser cannot read stays MALFORMED.
     */
    private Optional<ContractError> invalidCharacterInText(SAXParseException exception) {
        Frame current = open.peek();
        Matcher invalid = INVALID_CHARACTER.matcher(String.valueOf(exception.getMessage()));
        if (current == null || current.rule == null || !invalid.find()) {
            return Optional.empty();
        }
        boolean reference = invalid.group(2) != null;
        int codePoint;
        try {
            codePoint = reference
                    ? Integer.parseInt(invalid.group(2), invalid.group(1).isEmpty() ? 10 : 16)
                    : Integer.parseInt(invalid.group(3), 16);
        } catch (NumberFormatException notACodePoint) {
            return Optional.empty(); // decimal digits with letters, or beyond an int: not a character anyway
        }
        if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
            return Optional.of(ContractError.of(ErrorCode.SCHEMA_INVALID, nullIfRoot(current.field), SURROGATE));
        }
        if (WellFormedText.isControlCharacter(codePoint)) {
            return Optional.of(ContractError.of(ErrorCode.SCHEMA_INVALID, nullIfRoot(current.field),
                    CONTROL_CHARACTERS));
        }
        return Optional.empty();
    }

    // ---- lexical events: no DTD, so no entity can be declared, let alone expanded

    @Override
    public void startDTD(String name, String publicId, String systemId) throws SAXException {
        throw new Refusal(ContractError.of(ErrorCode.MALFORMED, "DTDs are not allowed"));
    }

    // ---- content events, passed on to the validator

    @Override
    public void setDocumentLocator(Locator locator) {
        validator.setDocumentLocator(locator);
    }

    @Override
    public void startDocument() throws SAXException {
        validator.startDocument();
    }

    @Override
    public void endDocument() throws SAXException {
        validator.endDocument();
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) throws SAXException {
        validator.startPrefixMapping(prefix, uri);
    }

    @Override
    public void endPrefixMapping(String prefix) throws SAXException {
        validator.endPrefixMapping(prefix);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        if (open.size() >= limits.maxDepth()) {
            throw new Refusal(ContractError.of(ErrorCode.MALFORMED,
                    "body is nested deeper than " + limits.maxDepth() + " levels"));
        }
        open.push(open.isEmpty() ? root(uri, localName) : child(open.peek(), uri, localName));
        phase = Phase.START;
        validator.startElement(uri, localName, qName, attributes);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        Frame current = open.peek();
        if (current != null) {
            current.textLength += length;
            if (current.textLength > limits.maxStringLength()) {
                throw new Refusal(ContractError.of(ErrorCode.MALFORMED,
                        "body has a text longer than " + limits.maxStringLength() + " characters"));
            }
            if (current.text != null) {
                current.text.append(ch, start, length);
            }
        }
        phase = Phase.TEXT;
        validator.characters(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        validator.ignorableWhitespace(ch, start, length);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        phase = Phase.END;
        validator.endElement(uri, localName, qName);
        Frame closed = open.pop();
        if (closed.contentInvalid) {
            reportMissingChildren(closed);
        }
        if (closed.rule != null && WellFormedText.hasControlCharacter(closed.text)) {
            add(closed, CONTROL_CHARACTERS); // XML 1.0 allows DEL, which no text of the contract holds
        }
        if (closed.rule != null && !open.isEmpty()) {
            open.peek().attach(closed.name, leafValue(closed.rule.leaf(), closed.text.toString()));
        }
    }

    private static JsonNode leafValue(XsdContentModel.Leaf leaf, String text) {
        String value = text.strip();
        return switch (leaf) {
            case BOOLEAN -> value.equals("true") ? BooleanNode.TRUE
                    : value.equals("false") ? BooleanNode.FALSE : TextNode.valueOf(text);
            case INTEGER -> INTEGER.matcher(value).matches() && value.length() < 10
                    ? IntNode.valueOf(Integer.parseInt(value)) : TextNode.valueOf(text);
            case TEXT -> TextNode.valueOf(text);
        };
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
        validator.processingInstruction(target, data);
    }

    @Override
    public void skippedEntity(String name) throws SAXException {
        throw new Refusal(ContractError.of(ErrorCode.MALFORMED, "entities are not allowed"));
    }

    private Frame root(String uri, String localName) throws Refusal {
        Optional<MessageType> rootType = MessageContract.NAMESPACE.equals(uri)
                ? MessageContract.typeOfRootElement(localName)
                : Optional.empty();
        if (rootType.isEmpty()) {
            throw new Refusal(ContractError.of(ErrorCode.UNKNOWN_MESSAGE_TYPE,
                    "the root element must be one of " + XmlMessageReader.supportedRootElements()
                            + " in namespace " + MessageContract.NAMESPACE));
        }
        type = rootType.get();
        if (MessageContract.of(type).isEmpty() && contentModel.rootType(localName).isEmpty()) {
            throw new Refusal(MessageContract.notSupportedYet(type, null));
        }
        // A type published ahead of its handling is walked to the end, so its refusal finds its way by its messageId.
        Frame root = Frame.complex(localName, "", contentModel.rootType(localName)
                .orElseThrow(() -> new IllegalStateException("the XSD declares no root element " + localName)));
        tree = (ObjectNode) root.node;
        return root;
    }

    private Frame child(Frame parent, String uri, String localName) {
        Optional<XsdContentModel.Child> declaration = parent.type != null && MessageContract.NAMESPACE.equals(uri)
                ? parent.type.child(localName)
                : Optional.empty();
        if (declaration.isEmpty()) {
            Frame undeclared = Frame.undeclared(localName, join(parent.field, localName));
            if (parent.contentInvalid) {
                // The validator stops judging a parent's content at its first error; the rest is judged here.
                errors.add(notPartOfContract(parent, undeclared));
            }
            return undeclared;
        }
        XsdContentModel.Child child = declaration.get();
        String field;
        if (child.repeated()) {
            int index = parent.repeatedChildren.merge(localName, 1, Integer::sum) - 1;
            field = parent.field + "[" + index + "]";
        } else {
            field = join(parent.field, localName);
        }
        parent.seenChildren.add(localName);
        Optional<XsdContentModel.ComplexType> complexType = contentModel.typeOf(child);
        if (complexType.isPresent()) {
            Frame frame = Frame.complex(localName, field, complexType.get());
            parent.attach(localName, frame.node);
            return frame;
        }
        return Frame.text(localName, field, contentModel.textRuleOf(child));
    }

    // ---- validation errors

    @Override
    public void warning(SAXParseException exception) {
        // Warnings do not make a message invalid.
    }

    @Override
    public void error(SAXParseException exception) {
        validationError(exception);
    }

    @Override
    public void fatalError(SAXParseException exception) {
        validationError(exception);
    }

    private void validationError(SAXParseException exception) {
        String text = String.valueOf(exception.getMessage());
        Matcher keyMatch = ERROR_KEY.matcher(text);
        String key = keyMatch.find() ? keyMatch.group(1) : "";
        Frame current = open.peek();
        if (current == null) {
            errors.add(ContractError.of(ErrorCode.SCHEMA_INVALID, "the document is not valid"));
            return;
        }
        Frame parent = parentOf(current);
        switch (key) {
            case "cvc-complex-type.2.4.a", "cvc-complex-type.2.4.d", "cvc-complex-type.2.4.e",
                    "cvc-complex-type.2.4.f" -> unexpectedChild(key, parent, current);
            case "cvc-complex-type.2.4.b" -> {
                current.contentInvalid = true; // endElement names each missing child
            }
            case "cvc-complex-type.2.3" -> add(current, "must contain elements, not text");
            case "cvc-type.3.1.2", "cvc-complex-type.2.1" ->
                    add(phase == Phase.START && parent != null ? parent : current, "must contain text, not elements");
            case "cvc-complex-type.3.2.1", "cvc-complex-type.3.2.2", "cvc-type.3.1.1" ->
                    add(current, "has an attribute that is not part of the contract");
            case "cvc-pattern-valid" -> add(current, "does not have the required form");
            case "cvc-datatype-valid.1.2.1", "cvc-datatype-valid.1.2.3" -> add(current, datatypeMessage(current.rule));
            case "cvc-enumeration-valid" -> add(current, current.rule == null || current.rule.enumeration().isEmpty()
                    ? "is not one of the allowed values"
                    : "must be one of " + String.join(", ", current.rule.enumeration()));
            case "cvc-minLength-valid" -> add(current, facet(current, XsdContentModel.TextRule::minLength)
                    .map(n -> n == 1 ? "must not be empty" : "must be at least " + n + " characters")
                    .orElse("is too short"));
            case "cvc-maxLength-valid" -> add(current, facet(current, XsdContentModel.TextRule::maxLength)
                    .map(n -> "must be at most " + n + " characters").orElse("is too long"));
            case "cvc-minInclusive-valid" -> add(current, facet(current, XsdContentModel.TextRule::minInclusive)
                    .map(n -> "must be at least " + n).orElse("is too small"));
            case "cvc-maxInclusive-valid" -> add(current, facet(current, XsdContentModel.TextRule::maxInclusive)
                    .map(n -> "must be at most " + n).orElse("is too large"));
            default -> add(current, "is not valid");
        }
    }

    /** An element the validator did not expect where it stands: unknown, out of order, or after a gap. */
    private void unexpectedChild(String key, Frame parent, Frame child) {
        if (parent == null) {
            add(child, "is not valid");
            return;
        }
        parent.contentInvalid = true;
        if (!child.declared) {
            errors.add(notPartOfContract(parent, child));
            return;
        }
        if (key.equals("cvc-complex-type.2.4.a") && !missingBefore(parent, child.name).isEmpty()) {
            // endElement of the parent names the missing children, or this one if they come later after all
            if (parent.unexpectedField == null) {
                parent.unexpectedField = child.field;
            }
            return;
        }
        if (parent.type.isList()) {
            add(parent, "has more items than the contract allows");
            return;
        }
        add(child, "is not allowed at this position (repeated, or out of the contract's order)");
    }

    private void reportMissingChildren(Frame frame) {
        if (frame.type == null) {
            return;
        }
        boolean missing = frame.type.children().stream()
                .anyMatch(child -> child.required() && !frame.seenChildren.contains(child.name()));
        if (!missing && frame.unexpectedField != null && fieldsWithErrors.add(frame.unexpectedField)) {
            errors.add(ContractError.of(ErrorCode.SCHEMA_INVALID, frame.unexpectedField,
                    "is not in the contract's order"));
        }
        for (XsdContentModel.Child child : frame.type.children()) {
            if (child.required() && !frame.seenChildren.contains(child.name())) {
                if (frame.type.isList()) {
                    add(frame, "must have at least one item"); // as the JSON form says of an empty array
                } else {
                    String field = join(frame.field, child.name());
                    errors.add(ContractError.of(ErrorCode.SCHEMA_INVALID, field, "is required"));
                    fieldsWithErrors.add(field);
                }
            }
        }
    }

    private static List<String> missingBefore(Frame parent, String childName) {
        int position = parent.type.position(childName);
        return parent.type.children().subList(0, Math.max(position, 0)).stream()
                .filter(XsdContentModel.Child::required)
                .map(XsdContentModel.Child::name)
                .filter(name -> !parent.seenChildren.contains(name))
                .toList();
    }

    private static ContractError notPartOfContract(Frame parent, Frame child) {
        return FieldPaths.isPlainName(child.name)
                ? ContractError.of(ErrorCode.SCHEMA_INVALID, child.field, "is not part of the contract")
                : ContractError.of(ErrorCode.SCHEMA_INVALID, nullIfRoot(parent.field),
                        "has an element that is not part of the contract");
    }

    /** The first error of a field; the validator's further ones about it only repeat the first. */
    private void add(Frame frame, String message) {
        if (fieldsWithErrors.add(frame.field)) {
            errors.add(ContractError.of(ErrorCode.SCHEMA_INVALID, nullIfRoot(frame.field), message));
        }
    }

    private Frame parentOf(Frame frame) {
        var frames = open.iterator();
        while (frames.hasNext()) {
            if (frames.next() == frame) {
                return frames.hasNext() ? frames.next() : null;
            }
        }
        return null;
    }

    private static String datatypeMessage(XsdContentModel.TextRule rule) {
        return switch (rule == null ? "" : rule.builtin()) {
            case "int", "integer", "long", "short", "positiveInteger", "nonNegativeInteger" -> "must be an integer";
            case "boolean" -> "must be true or false";
            case "dateTime" -> "is not a valid date-time (RFC 3339, with offset)";
            case "date" -> "is not a valid date (YYYY-MM-DD)";
            default -> "does not have the required form";
        };
    }

    private static Optional<Integer> facet(Frame frame, Function<XsdContentModel.TextRule, Integer> facet) {
        return frame.rule == null ? Optional.empty() : Optional.ofNullable(facet.apply(frame.rule));
    }

    private static String join(String parent, String name) {
        String safeName = FieldPaths.isPlainName(name) ? name : "?";
        return parent.isEmpty() ? safeName : parent + "." + safeName;
    }

    private static String nullIfRoot(String field) {
        return field.isEmpty() ? null : field;
    }
}
