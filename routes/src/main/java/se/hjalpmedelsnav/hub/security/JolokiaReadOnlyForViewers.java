package se.hjalpmedelsnav.hub.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Jolokia lets whoever reaches it run any MBean operation: purge a queue, send a message into the
 * broker, stop a route. Hawtio embedded in Spring Boot has no per-operation permissions, so this
 * filter gives everyone but an ADMIN a read-only Jolokia: {@code read}, {@code list},
 * {@code search} and {@code version} pass; {@code exec} passes only for Hawtio's own security
 * MBeans (the console asks them what the user may do) and operations whose names only read
 * ({@code dumpRoutesAsXml}, {@code countMessages}, {@code browse}, …) but not those answering with
 * message bodies ({@code browseMessageBody}, {@code dumpTracedMessagesAsXml}, …); any other
 * {@code exec} and every {@code write} is refused with 403. What a viewer may read passes
 * {@link JolokiaMessageMasking}, which hides message bodies.
 */
class JolokiaReadOnlyForViewers extends OncePerRequestFilter {

    private static final Set<String> READ_ONLY = Set.of("read", "list", "search", "version");
    private static final List<String> READING_OPERATIONS = List.of("can", "list", "dump", "browse", "count", "get",
            "is", "query", "find");
    // Operations that read, but answer with message bodies in a shape JolokiaMessageMasking cannot tell
    // apart (Camel's browsable endpoints, tracer and debugger dumps): bodies are for ADMIN only. Artemis's
    // plain browse() passes; its answer is masked.
    private static final Pattern MESSAGE_CONTENTS = Pattern.compile("browse[A-Z]|\\w*(Traced|Body|Bodies)");
    // Hawtio asks canInvoke for every MBean in one batch: about 1.5 MB with this hub's ~900 MBeans.
    private static final int MAX_BODY = 32 << 20;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !JolokiaRequests.isJolokia(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (JolokiaRequests.callerIsAdmin()) {
            chain.doFilter(request, response);
            return;
        }
        if ("GET".equalsIgnoreCase(request.getMethod())) {
            if (readOnly(firstPathSegmentAfterJolokia(request))) {
                chain.doFilter(request, response);
            } else {
                refuse(response);
            }
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY || !readOnlyRequests(body)) {
            refuse(response);
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    private boolean readOnlyRequests(byte[] body) {
        try {
            JsonNode requests = json.readTree(body);
            if (requests == null) {
                return false;
            }
            if (requests.isArray()) {
                for (JsonNode single : requests) {
                    if (!readOnly(single)) {
                        return false;
                    }
                }
                return true;
            }
            return readOnly(requests);
        } catch (IOException notJson) {
            return false;
        }
    }

    private static boolean readOnly(JsonNode request) {
        String type = request.path("type").asText();
        if ("exec".equalsIgnoreCase(type)) {
            return request.path("mbean").asText().startsWith("hawtio:")
                    || onlyReads(request.path("operation").asText());
        }
        return readOnly(type);
    }

    private static boolean onlyReads(String operation) {
        if (MESSAGE_CONTENTS.matcher(operation).lookingAt()) {
            return false;
        }
        return READING_OPERATIONS.stream().anyMatch(prefix -> operation.startsWith(prefix)
                && operation.length() > prefix.length() && Character.isUpperCase(operation.charAt(prefix.length())))
                || operation.startsWith("browse(");
    }

    private static boolean readOnly(String type) {
        return type != null && READ_ONLY.contains(type.toLowerCase(Locale.ROOT));
    }

    private static String firstPathSegmentAfterJolokia(HttpServletRequest request) {
        String path = request.getRequestURI();
        int at = path.indexOf("/jolokia");
        String rest = path.substring(at + "/jolokia".length());
        if (rest.isEmpty() || "/".equals(rest)) {
            return "version";
        }
        String segment = rest.substring(1);
        int slash = segment.indexOf('/');
        return slash < 0 ? segment : segment.substring(0, slash);
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN, "read-only: operations and writes need the ADMIN role");
    }

    /** The request with its body, already read for the check, readable again by Jolokia. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
