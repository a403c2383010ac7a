package se.hjalpmedelsnav.hub.admin;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.hjalpmedelsnav.hub.tracking.TrackedMessage;
import se.hjalpmedelsnav.hub.tracking.TrackingQuery;
import se.hjalpmedelsnav.hub.tracking.TrackingStatus;
import se.hjalpmedelsnav.hub.tracking.TrackingStore;
import se.hjalpmedelsnav.mappings.registry.RegistrySource;

/** Operations: message tracking (ADMIN and VIEWER) and registry reload (ADMIN). */
@RestController
@RequestMapping("/api/admin")
public class AdminApi {

    private final TrackingStore tracking;
    private final RegistrySource registry;

    public AdminApi(TrackingStore tracking, RegistrySource registry) {
        this.tracking = tracking;
        this.registry = registry;
    }

    /** Tracked messages, newest first, by any of messageId, hubReference, municipality, customer number and status. */
    @GetMapping("/messages")
    public List<TrackedMessage> messages(@RequestParam(required = false) String kommunCode,
            @RequestParam(required = false) String messageId, @RequestParam(required = false) String hubReference,
            @RequestParam(required = false) String customerNumber,
            @RequestParam(required = false) TrackingStatus status,
            @RequestParam(defaultValue = "50") int limit) {
        return tracking.search(new TrackingQuery(kommunCode, messageId, hubReference, customerNumber, status, limit));
    }

    /** Re-reads the registry file now; a broken file is refused and the registry in force stays. */
    @PostMapping("/registry/reload")
    public Object reloadRegistry() {
        return registry.reload();
    }
}
