package se.hjalpmedelsnav.hub.retention;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the hub keeps and for how long, and what the purge did (ADMIN and VIEWER; the security configuration
 * guards {@code /api/admin/**}). Counts, periods and references only.
 */
@RestController
@RequestMapping("/api/admin/retention")
public class RetentionAdminController {

    private final RetentionProperties properties;
    private final RetentionAudit audit;

    public RetentionAdminController(RetentionProperties properties, RetentionAudit audit) {
        this.properties = properties;
        this.audit = audit;
    }

    /** The policy, store by store, and the last runs of any hub sharing the database, newest first. */
    public record Overview(List<RetentionPolicy.Entry> policy, RetentionAudit.Run lastRun, List<RetentionAudit.Run> runs) {
    }

    @GetMapping
    public Overview overview(@RequestParam(defaultValue = "10") int runs) {
        List<RetentionAudit.Run> recent = audit.runs(runs);
        return new Overview(RetentionPolicy.entries(properties), recent.isEmpty() ? null : recent.get(0), recent);
    }

    /** The purge's steps on parked messages (ALERTED, EXPIRED), newest first. */
    @GetMapping("/dead-letters")
    public List<RetentionAudit.Step> deadLetterSteps(@RequestParam(required = false) String hubReference,
            @RequestParam(defaultValue = "100") int limit) {
        return audit.steps(hubReference, limit);
    }
}
