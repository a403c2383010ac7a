package se.hjalpmedelsnav.hub.admin;

import jakarta.jms.JMSException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Parked messages: listed with their reason (ADMIN and VIEWER, never their bodies), replayed to the
 * queue they came from (ADMIN), and the replays' audit trail.
 */
@RestController
@RequestMapping("/api/admin")
public class DeadLetterApi {

    private final DeadLetters deadLetters;
    private final ReplayAudit audit;

    public DeadLetterApi(DeadLetters deadLetters, ReplayAudit audit) {
        this.deadLetters = deadLetters;
        this.audit = audit;
    }

    /** Every dead-letter queue and how many messages it holds. */
    @GetMapping("/dead-letters")
    public Map<String, Integer> deadLetterQueues() throws JMSException {
        return deadLetters.counts();
    }

    @GetMapping("/dead-letters/{queue}")
    public List<ParkedMessage> parked(@PathVariable String queue, @RequestParam(defaultValue = "100") int limit)
            throws JMSException {
        return deadLetters.list(known(queue), limit);
    }

    /** Replays one parked message ({@code jmsMessageId}) or all of the queue (up to {@code limit}). */
    @PostMapping("/dead-letters/{queue}/replay")
    public ReplayResult replay(@PathVariable String queue, @RequestParam(required = false) String jmsMessageId,
            @RequestParam(defaultValue = "1000") int limit, Principal user,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String credentials) throws JMSException {
        // A call with credentials of its own is a machine client's (curl, a script); one on a logged-in session is
        // the console's replay button.
        DeadLetters.Replay replay = deadLetters.replay(known(queue), Optional.ofNullable(jmsMessageId), limit,
                user.getName(), credentials == null ? "console" : "admin-api");
        if (jmsMessageId != null && replay.replayed().isEmpty() && replay.notReplayed().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no message with that JMS message id on " + queue);
        }
        return new ReplayResult(replay.replayed().size(), replay.replayed(), replay.notReplayed().size(),
                replay.notReplayed());
    }

    /** The audit trail of replays, newest first. */
    @GetMapping("/replays")
    public List<ReplayRecord> replays(@RequestParam(required = false) String hubReference,
            @RequestParam(defaultValue = "100") int limit) {
        return audit.recent(hubReference, limit);
    }

    private String known(String queue) {
        if (!deadLetters.isDeadLetterQueue(queue)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "not a dead-letter queue of the hub: " + queue);
        }
        return queue;
    }

    /** What was put back ({@code replays}) and what was left, each with its reason ({@code notReplayed}). */
    public record ReplayResult(int replayed, List<ReplayRecord> replays, int left,
            List<DeadLetters.NotReplayed> notReplayed) {
    }
}
