package se.hjalpmedelsnav.mappings.message;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Which children each complex type of the contract's XSD has, in order. The validator says that an
 * element's content is wrong but not, in a form a program can read, what is missing; with this the
 * parser names every missing child. It reads the XSD's own style only: named complex types holding
 * one {@code xs:sequence} of {@code xs:element}s.
 */
final class XsdContentModel {

    /** One child element declaration of a complex type. */
    record Child(String name, boolean required, boolean repeated, String typeName) {
    }

    /** What a text-only element becomes in the JSON form of the message. */
    enum Leaf { TEXT, BOOLEAN, INTEGER }

    /**
     * The rules on a text-only element: the built-in type it restricts and its facets, gathered
     * along its chain of restrictions (the nearest one wins). Null where the XSD sets none.
     */
    record TextRule(String builtin, List<String> enumeration, Integer minLength, Integer maxLength,
            Integer minInclusive, Integer maxInclusive) {

        static final TextRule STRING = new TextRule("string", List.of(), null, null, null, null);

        Leaf leaf() {
            return switch (builtin) {
                case "boolean" -> Leaf.BOOLEAN;
                case "int", "integer", "long", "short", "positiveInteger", "nonNegativeInteger" -> Leaf.INTEGER;
                default -> Leaf.TEXT;
            };
        }

        /** This rule's facets, completed by those of the type it restricts. */
        TextRule restricting(TextRule base) {
            return new TextRule(base.builtin, enumeration.isEmpty() ? base.enumeration : enumeration,
                    minLength != null ? minLength : base.minLength, maxLength != null ? maxLength : base.maxLength,
                    minInclusive != null ? minInclusive : base.minInclusive,
                    maxInclusive != null ? maxInclusive : base.maxInclusive);
        }
    }

    /** The ordered children of one complex type. */
    record ComplexType(List<Child> children) {

        /** {@code <lines><line/>…</lines>}: a type holding one repeated element is the XML form of a JSON array. */
        boolean isList() {
            return children.size() == 1 && children.get(0).repeated();
        }

        Optional<Child> child(String name) {
            return children.stream().filter(child -> child.name().equals(name)).findFirst();
        }

        int position(String name) {
            for (int i = 0; i < children.size(); i++) {
                if (children.get(i).name().equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }

    private final Map<String, String> rootTypes;
    private final Map<String, ComplexType> complexTypes;
    private final Map<String, TextRule> textRules;

    private XsdContentModel(Map<String, String> rootTypes, Map<String, ComplexType> complexTypes,
            Map<String, TextRule> textRules) {
        this.rootTypes = Map.copyOf(rootTypes);
        this.complexTypes = Map.copyOf(complexTypes);
        this.textRules = Map.copyOf(textRules);
    }

    static XsdContentModel read(String resource) {
        try (InputStream xsd = XsdContentModel.class.getClassLoader().getResourceAsStream(resource)) {
            if (xsd == null) {
                throw new IllegalStateException("schema not found on the class path: " + resource);
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(xsd);
            Map<String, String> roots = new HashMap<>();
            Map<String, ComplexType> types = new HashMap<>();
            Map<String, Element> restrictions = new HashMap<>();
            for (Element top : children(document.getDocumentElement())) {
                switch (top.getLocalName()) {
                    case "element" -> roots.put(top.getAttribute("name"), localName(top.getAttribute("type")));
                    case "complexType" -> types.put(top.getAttribute("name"), new ComplexType(sequenceOf(top)));
                    case "simpleType" -> children(top).stream()
                            .filter(restriction -> restriction.getLocalName().equals("restriction"))
                            .findFirst()
                            .ifPresent(restriction -> restrictions.put(top.getAttribute("name"), restriction));
                    default -> {
                        // annotations and the like say nothing about content
                    }
                }
            }
            Map<String, TextRule> rules = new HashMap<>();
            restrictions.keySet().forEach(name -> rules.put(name, textRule(name, restrictions, 0)));
            return new XsdContentModel(roots, types, rules);
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    Optional<ComplexType> rootType(String elementName) {
        return Optional.ofNullable(rootTypes.get(elementName)).map(complexTypes::get);
    }

    /** A complex type by its name: what the hub sends, published as a type but never a root a municipality sends. */
    Optional<ComplexType> complexType(String typeName) {
        return Optional.ofNullable(complexTypes.get(typeName));
    }

    /** The complex type of a declared child, or empty when the child holds text or is not declared. */
    Optional<ComplexType> typeOf(Child child) {
        return Optional.ofNullable(complexTypes.get(child.typeName()));
    }

    /** The rules on a text-only child; a built-in type without facets when the XSD names one directly. */
    TextRule textRuleOf(Child child) {
        TextRule rule = textRules.get(child.typeName());
        return rule != null ? rule : new TextRule(child.typeName(), List.of(), null, null, null, null);
    }

    private static TextRule textRule(String name, Map<String, Element> restrictions, int depth) {
        Element restriction = restrictions.get(name);
        if (restriction == null || depth > 16) {
            return new TextRule(name, List.of(), null, null, null, null);
        }
        List<String> enumeration = new ArrayList<>();
        Map<String, Integer> facets = new HashMap<>();
        for (Element facet : children(restriction)) {
            String value = facet.getAttribute("value");
            switch (facet.getLocalName()) {
                case "enumeration" -> enumeration.add(value);
                case "minLength", "maxLength", "minInclusive", "maxInclusive" ->
                        facets.put(facet.getLocalName(), Integer.valueOf(value));
                default -> {
                    // patterns and the like: their violation is reported as a wrong form
                }
            }
        }
        TextRule own = new TextRule(null, List.copyOf(enumeration), facets.get("minLength"), facets.get("maxLength"),
                facets.get("minInclusive"), facets.get("maxInclusive"));
        return own.restricting(textRule(localName(restriction.getAttribute("base")), restrictions, depth + 1));
    }

    private static List<Child> sequenceOf(Element complexType) {
        List<Child> sequence = new ArrayList<>();
        for (Element group : children(complexType)) {
            if (group.getLocalName().equals("sequence")) {
                for (Element element : children(group)) {
                    if (element.getLocalName().equals("element")) {
                        String maxOccurs = element.getAttribute("maxOccurs");
                        sequence.add(new Child(element.getAttribute("name"),
                                !"0".equals(element.getAttribute("minOccurs")),
                                !maxOccurs.isEmpty() && !"1".equals(maxOccurs),
                                localName(element.getAttribute("type"))));
                    }
                }
            }
        }
        return sequence;
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && XMLConstants.W3C_XML_SCHEMA_NS_URI.equals(element.getNamespaceURI())) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static String localName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.indexOf(':') + 1);
    }
}
