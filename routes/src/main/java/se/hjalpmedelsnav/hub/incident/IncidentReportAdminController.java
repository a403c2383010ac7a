package se.hjalpmedelsnav.hub.incident;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.hjalpmedelsnav.mappings.incident.AuthorityConfirmation;

/**
 * Incident reports for operators: where each stands (ADMIN and VIEWER), and Läkemedelsverket's confirmation
 * fed back by hand (ADMIN; the security configuration guards {@code /api/admin/**}).
 */
@RestController
@RequestMapping("/api/admin/incident-reports")
public class IncidentReportAdminController {

    /** The body of a confirmation: Läkemedelsverket's reference of the report. */
    public record ConfirmationRequest(String authorityReference) {
    }

    private final IncidentReportStore store;
    private final IncidentConfirmations confirmations;

    public IncidentReportAdminController(IncidentReportStore store, IncidentConfirmations confirmations) {
        this.store = store;
        this.confirmations = confirmations;
    }

    /** Tracked incident reports, newest first; {@code unconfirmed=true} for those still waiting for the authority. */
    @GetMapping
    public List<IncidentReportRecord> reports(@RequestParam(required = false) String kommunCode,
            @RequestParam(defaultValue = "false") boolean unconfirmed, @RequestParam(defaultValue = "50") int limit) {
        return store.search(kommunCode, unconfirmed, limit);
    }

    @GetMapping("/{hubReference}")
    public ResponseEntity<IncidentReportRecord> report(@PathVariable String hubReference) {
        return ResponseEntity.of(store.find(hubReference));
    }

    /**
     * Records that Läkemedelsverket has the report: 200 with the report's state (the municipality is told
     * SUBMITTED once; a repeat with the same reference answers {@code alreadyConfirmed: true} and sends
     * nothing), 400 for a missing or malformed reference, 404 for an unknown report, 409 when it was confirmed
     * with another reference.
     */
    @PostMapping("/{hubReference}/confirmation")
    public ResponseEntity<Map<String, Object>> confirm(@PathVariable String hubReference,
            @RequestBody(required = false) ConfirmationRequest request) {
        String authorityReference = request == null ? null : request.authorityReference();
        String problem = AuthorityConfirmation.problemWithAuthorityReference(authorityReference);
        if (problem != null) {
            return ResponseEntity.badRequest().body(Map.of("errors", List.of(problem)));
        }
        var result = confirmations.confirm(hubReference, authorityReference.strip(), "admin API");
        return switch (result.outcome()) {
            case CONFIRMED, ALREADY_CONFIRMED -> ResponseEntity.ok(confirmed(result));
            case UNKNOWN -> ResponseEntity.status(404)
                    .body(Map.of("errors", List.of("no incident report has that hub reference")));
            case CONFLICT -> ResponseEntity.status(409).body(Map.of("errors",
                    List.of("the report was confirmed before with another authority reference; the first stands")));
        };
    }

    private static Map<String, Object> confirmed(IncidentConfirmations.Result result) {
        var body = new LinkedHashMap<String, Object>();
        body.put("hubReference", result.report().hubReference());
        body.put("status", "SUBMITTED");
        body.put("authorityReference", result.report().authorityReference());
        body.put("confirmedAt", result.report().confirmedAt());
        body.put("alreadyConfirmed", result.outcome() == IncidentConfirmations.Outcome.ALREADY_CONFIRMED);
        return body;
    }
}
