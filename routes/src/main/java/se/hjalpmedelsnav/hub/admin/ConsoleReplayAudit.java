package se.hjalpmedelsnav.hub.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Records replays done in the console: an Artemis {@code retry…} or {@code move…} operation on one of
 * the hub's dead-letter queues, called through Jolokia (Hawtio's Artemis view), goes into the same
 * audit trail as the admin API's replays, with the logged-in user. Only operations Jolokia answered
 * with success are recorded. Runs after Spring Security, which refuses them to anyone but ADMIN.
 */
@Configuration
public class ConsoleReplayAudit {

    private static final Logger log = LoggerFactory.getLogger(ConsoleReplayAudit.class);
    private static final Pattern REPLAYING = Pattern.compile("(retry|move)Messages?(\\(.*\\))?");
    private static final Pattern GET_EXEC = Pattern.compile(".*/jolokia/exec/([^/]+)/([^/]+)(/.*)?");

    @Bean
    public FilterRegistrationBean<OncePerRequestFilter> consoleReplayAuditFilter(ReplayAudit audit,
            DeadLetters deadLetters, Clock clock) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(
                new Filter(audit, deadLetters, clock));
        registration.addUrlPatterns("/actuator/hawtio/jolokia/*", "/actuator/jolokia/*");
        registration.setName("consoleReplayAudit");
        return registration;
    }

    /** An Artemis operation that puts dead letters back: on which queue, which operation, with which arguments. */
    record Replay(String queue, String operation, String arguments) {
    }

    static final class Filter extends OncePerRequestFilter {

        private final ObjectMapper json = new ObjectMapper();
        private final ReplayAudit audit;
        private final DeadLetters deadLetters;
        private final Clock clock;

        Filter(ReplayAudit audit, DeadLetters deadLetters, Clock clock) {
            this.audit = audit;
            this.deadLetters = deadLetters;
            this.clock = clock;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var cachedRequest = new ContentCachingRequestWrapper(request);
            var cachedResponse = new ContentCachingResponseWrapper(response);
            try {
                chain.doFilter(cachedRequest, cachedResponse);
                List<Replay> replays = replays(cachedRequest);
                if (!replays.isEmpty() && cachedResponse.getStatus() == 200) {
                    recordSucceeded(replays, cachedResponse.getContentAsByteArray());
                }
            } finally {
                cachedResponse.copyBodyToResponse();
            }
        }

        private List<Replay> replays(ContentCachingRequestWrapper request) {
            List<Replay> replays = new ArrayList<>();
            try {
                if ("GET".equals(request.getMethod())) {
                    Matcher exec = GET_EXEC.matcher(request.getRequestURI());
                    if (exec.matches()) {
                        add(replays, URLDecoder.decode(exec.group(1), StandardCharsets.UTF_8),
                                URLDecoder.decode(exec.group(2), StandardCharsets.UTF_8),
                                exec.group(3) == null ? "" : exec.group(3));
                    }
                } else {
                    byte[] body = request.getContentAsByteArray();
                    if (body.length > 0) {
                        JsonNode requests = json.readTree(body);
                        for (JsonNode one : requests.isArray() ? requests : List.of(requests)) {
                            if ("exec".equals(one.path("type").asText())) {
                                add(replays, one.path("mbean").asText(), one.path("operation").asText(),
                                        one.path("arguments").toString());
                            }
                        }
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                // Jolokia refuses what it cannot read; there is nothing to record.
            }
            return replays;
        }

        private void add(List<Replay> replays, String mbean, String operation, String arguments) {
            if (!REPLAYING.matcher(operation).matches()) {
                return;
            }
            try {
                ObjectName name = new ObjectName(mbean);
                String queue = ObjectName.unquote(name.getKeyProperty("queue") == null ? "\"\""
                        : quoted(name.getKeyProperty("queue")));
                if (deadLetters.isDeadLetterQueue(queue)) {
                    replays.add(new Replay(queue, operation, arguments));
                }
            } catch (MalformedObjectNameException | IllegalArgumentException notAnMBean) {
                // not an operation on a queue
            }
        }

        private static String quoted(String value) {
            return value.startsWith("\"") ? value : "\"" + value + "\"";
        }

        private void recordSucceeded(List<Replay> replays, byte[] responseBody) throws IOException {
            JsonNode answers = json.readTree(responseBody);
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            String username = user == null ? "unknown" : user.getName();
            int index = 0;
            for (Replay replay : replays) {
                JsonNode answer = answers.isArray() ? answers.path(index++) : answers;
                if (answer.path("status").asInt() != 200) {
                    continue;
                }
                String arguments = replay.arguments().length() > 200 ? replay.arguments().substring(0, 200)
                        : replay.arguments();
                audit.record(new ReplayRecord(UUID.randomUUID().toString(), OffsetDateTime.now(clock), username,
                        "console", replay.queue(), "original queue", null, null, null, null,
                        replay.operation() + " " + arguments));
                log.info("Console replay on {} by {}: {}", replay.queue(), username, replay.operation());
            }
        }
    }
}
