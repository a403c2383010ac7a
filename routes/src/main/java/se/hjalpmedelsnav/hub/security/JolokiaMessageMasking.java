package se.hjalpmedelsnav.hub.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import se.hjalpmedelsnav.broker.MessageProperties;

/**
 * Message bodies in the console. Hawtio shows queue contents through Jolokia (Artemis {@code browse()},
 * Camel's browsable endpoints); this filter rewrites every Jolokia answer before it leaves the hub:
 * <ul>
 *   <li>to anyone but an ADMIN, no message body at all ({@code text}, {@code BodyPreview}): bodies hold
 *       identity numbers, names and addresses even of unprotected users;</li>
 *   <li>to an ADMIN, no body of a message about a user with protected identity: marked so by the intake
 *       ({@link MessageProperties#PROTECTED}, set by the intake), or mentioning a protection kind in what is shown, or a
 *       municipality's original that the hub has not read yet (on a {@code .in} queue or the intake's
 *       dead-letter queue), since the broker's preview is cut at 256 bytes and may end before the
 *       recipient's protection.</li>
 * </ul>
 * Properties, ids, sizes and timestamps stay visible, so an operator can still find, move, retry or
 * remove a message.
 */
class JolokiaMessageMasking extends OncePerRequestFilter {

    static final String HIDDEN_FROM_VIEWERS = "[hidden: message bodies are shown to ADMIN only]";
    static final String HIDDEN_PROTECTED = "[hidden: a user with protected identity]";

    private static final List<String> BODY_FIELDS = List.of("text", "BodyPreview", "body");
    private static final Pattern PROTECTION = Pattern.compile("SEKRETESSMARKERING|SKYDDAD_FOLKBOKFORING");
    /** The key every message object has ({@link #isMessage}); as an operation's argument name it is a value. */
    private static final Pattern MESSAGE_KEY = Pattern.compile("\"messageID\"\\s*:");
    private static final Pattern ORIGINALS = Pattern.compile("nav\\.kommun\\.[^.]+\\.in|nav\\.dlq\\.kommun\\.intake");

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !JolokiaRequests.isJolokia(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var cached = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, cached);
        byte[] body = cached.getContentAsByteArray();
        byte[] masked = mask(body, JolokiaRequests.callerIsAdmin());
        // Headers and status went to the real response already; only the length follows the new body.
        response.setContentLength(masked.length);
        response.getOutputStream().write(masked);
        response.flushBuffer();
    }

    byte[] mask(byte[] body, boolean admin) {
        int start = 0;
        while (start < body.length && Character.isWhitespace(body[start])) {
            start++;
        }
        if (start == body.length || (body[start] != '{' && body[start] != '[') || !mayHoldBodies(body)) {
            return body;
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (IOException notJson) {
            return body;
        }
        return mask(tree, admin) ? write(tree) : body;
    }

    /**
     * Whether an answer can hold a message body at all: most answers (the console's metadata lists run to
     * megabytes) name neither a message nor a protection, and are passed on without being parsed. A message
     * has the key {@code "messageID":}; the metadata only names an operation argument {@code "messageID"}
     * (followed by a comma), which every 11 MB tree load matched and had parsed before.
     */
    private static boolean mayHoldBodies(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        return MESSAGE_KEY.matcher(text).find() || PROTECTION.matcher(text).find();
    }

    private byte[] write(JsonNode tree) {
        try {
            var out = new ByteArrayOutputStream();
            json.writeValue(out, tree);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("could not write the masked Jolokia answer", e);
        }
    }

    /** Masks in place; true when anything changed. */
    private boolean mask(JsonNode node, boolean admin) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            if (isMessage(object) && (!admin || isProtected(object))) {
                for (String field : BODY_FIELDS) {
                    if (object.has(field)) {
                        object.set(field, TextNode.valueOf(admin ? HIDDEN_PROTECTED : HIDDEN_FROM_VIEWERS));
                        changed = true;
                    }
                }
            }
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (mentionsProtection(field.getValue())) {
                    field.setValue(TextNode.valueOf(HIDDEN_PROTECTED));
                    changed = true;
                } else {
                    changed |= mask(field.getValue(), admin);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (mentionsProtection(array.get(i))) {
                    array.set(i, TextNode.valueOf(HIDDEN_PROTECTED));
                    changed = true;
                } else {
                    changed |= mask(array.get(i), admin);
                }
            }
        }
        return changed;
    }

    private static boolean isMessage(ObjectNode object) {
        return object.has("messageID") && BODY_FIELDS.stream().anyMatch(object::has);
    }

    private static boolean isProtected(ObjectNode message) {
        JsonNode mark = mark(message);
        if (mark != null) {
            return mark.asBoolean() || "true".equalsIgnoreCase(mark.asText());
        }
        return ORIGINALS.matcher(message.path("address").asText()).matches();
    }

    private static JsonNode mark(ObjectNode message) {
        for (String properties : List.of("BooleanProperties", "StringProperties")) {
            Iterator<Map.Entry<String, JsonNode>> entries = message.path(properties).fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                if (entry.getKey().endsWith(MessageProperties.PROTECTED)) {
                    return entry.getValue();
                }
            }
        }
        return null;
    }

    /** A string, or a byte array as Jolokia writes one (numbers), naming a kind of protection. */
    private static boolean mentionsProtection(JsonNode value) {
        if (value.isTextual()) {
            return PROTECTION.matcher(value.asText()).find();
        }
        if (value.isArray() && value.size() > 0 && value.get(0).isIntegralNumber()) {
            byte[] bytes = new byte[value.size()];
            for (int i = 0; i < bytes.length; i++) {
                if (!value.get(i).isIntegralNumber()) {
                    return false;
                }
                bytes[i] = (byte) value.get(i).asInt();
            }
            return PROTECTION.matcher(new String(bytes, StandardCharsets.UTF_8)).find();
        }
        return false;
    }
}
