package se.hjalpmedelsnav.mappings.message;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Test data: the valid ORDER of {@code messages/order-valid.json} (or another type's fixture, see
 * {@link #of}), changed by field path, written as JSON or as the equivalent XML. Each test states only
 * what it changes.
 */
final class OrderBody {

    static final String NAMESPACE = "urn:hjalpmedelsnav:kommun:1";
    /** The fictional user of the fixtures: the Tax Agency's test person Tolvan Tolvansson. */
    static final String PERSONAL_IDENTITY_NUMBER = "19121212-1212";
    static final String RECIPIENT_NAME = "Tolvan Tolvansson";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ObjectNode tree;

    private OrderBody(ObjectNode tree) {
        this.tree = tree;
    }

    static OrderBody valid() {
        return of("messages/order-valid.json");
    }

    /** The body of a JSON fixture of any type; its XML root element follows its {@code type}. */
    static OrderBody of(String jsonFixture) {
        return new OrderBody((ObjectNode) MAPPER.valueToTree(fixtureTree(jsonFixture)));
    }

    static byte[] fixture(String resource) {
        try (InputStream in = OrderBody.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode fixtureTree(String resource) {
        try {
            return MAPPER.readTree(fixture(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the member at a dotted path such as {@code orderer.role} or {@code lines[0].quantity}. */
    OrderBody without(String path) {
        JsonPointer pointer = pointer(path);
        JsonNode parent = tree.at(pointer.head());
        if (parent instanceof ObjectNode object) {
            object.remove(pointer.last().getMatchingProperty());
        } else if (parent instanceof ArrayNode array) {
            array.remove(pointer.last().getMatchingIndex());
        }
        return this;
    }

    /** Sets the member at a dotted path to a string, number, boolean or JSON node. */
    OrderBody with(String path, Object value) {
        JsonPointer pointer = pointer(path);
        ContainerNode<?> parent = (ContainerNode<?>) tree.at(pointer.head());
        JsonNode node = MAPPER.valueToTree(value);
        if (parent instanceof ObjectNode object) {
            object.set(pointer.last().getMatchingProperty(), node);
        } else {
            ArrayNode array = (ArrayNode) parent;
            int index = pointer.last().getMatchingIndex();
            if (index < array.size()) {
                array.set(index, node);
            } else {
                array.add(node);
            }
        }
        return this;
    }

    JsonNode at(String path) {
        return tree.at(pointer(path));
    }

    byte[] json() {
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same message as the XSD's XML: members as elements in order, arrays as {@code <lines><line>}. */
    byte[] xml() {
        String root = rootElement();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append('<').append(root).append(" xmlns=\"").append(NAMESPACE).append("\">");
        writeMembers(xml, tree);
        xml.append("</").append(root).append('>');
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The type's root element; {@code order} when the type is missing or unknown, as tests of broken orders need. */
    private String rootElement() {
        JsonNode type = tree.get("type");
        for (MessageType known : MessageType.values()) {
            if (type != null && known.name().equals(type.asText())) {
                return MessageContract.rootElementOf(known);
            }
        }
        return "order";
    }

    private static void writeMembers(StringBuilder xml, JsonNode object) {
        for (Iterator<Map.Entry<String, JsonNode>> members = object.fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            writeElement(xml, member.getKey(), member.getValue());
        }
    }

    private static void writeElement(StringBuilder xml, String name, JsonNode value) {
        xml.append('<').append(name).append('>');
        if (value.isObject()) {
            writeMembers(xml, value);
        } else if (value.isArray()) {
            String itemName = name.endsWith("s") ? name.substring(0, name.length() - 1) : name + "Item";
            value.forEach(item -> writeElement(xml, itemName, item));
        } else if (!value.isNull()) {
            xml.append(value.asText().replace("&", "&amp;").replace("<", "&lt;"));
        }
        xml.append("</").append(name).append('>');
    }

    private static JsonPointer pointer(String path) {
        return JsonPointer.compile("/" + path.replace("[", ".").replace("]", "").replace('.', '/'));
    }
}
