package se.hjalpmedelsnav.hub.incident;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.hjalpmedelsnav.hub.tracking.TrackingStatus;
import se.hjalpmedelsnav.hub.tracking.TrackingStore;
import se.hjalpmedelsnav.mappings.message.IncidentReportStatusEvent;

/**
 * Läkemedelsverket's confirmation that it has a report, fed back through the admin API or a confirmation
 * file. The first confirmation records the authority's reference and tells the municipality SUBMITTED; a
 * repeat changes nothing and sends nothing.
 */
@Component
public class IncidentConfirmations {

    public enum Outcome {
        /** Recorded now; the municipality was told SUBMITTED. */
        CONFIRMED,
        /** Confirmed before with the same reference: nothing more happens. */
        ALREADY_CONFIRMED,
        /** Confirmed before with another reference: refused, the first stands. */
        CONFLICT,
        /** No incident report has that hub reference. */
        UNKNOWN
    }

    public record Result(Outcome outcome, IncidentReportRecord report) {
    }

    private static final Logger log = LoggerFactory.getLogger(IncidentConfirmations.class);

    private final IncidentReportStore store;
    private final TrackingStore tracking;
    private final IncidentStatusEvents events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public IncidentConfirmations(IncidentReportStore store, TrackingStore tracking, IncidentStatusEvents events,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.store = store;
        this.tracking = tracking;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Records the confirmation and sends SUBMITTED, in one database transaction: the conditional update
     * locks the row, so of two confirmations at once only one sends; a send that fails rolls the record back.
     */
    public Result confirm(String hubReference, String authorityReference, String source) {
        return transaction.execute(status -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (store.confirm(hubReference, authorityReference, now)) {
                IncidentReportRecord report = store.find(hubReference).orElseThrow();
                tracking.updateStatus(hubReference, TrackingStatus.SUBMITTED, now);
                events.send(report, IncidentReportStatusEvent.submitted(report.messageId(), hubReference,
                        authorityReference, now));
                log.info("Incident report {} of {} confirmed by Läkemedelsverket ({}); SUBMITTED sent", hubReference,
                        report.kommunCode(), source);
                return new Result(Outcome.CONFIRMED, report);
            }
            var known = store.find(hubReference);
            if (known.isEmpty()) {
                log.warn("Confirmation ({}) for unknown incident report {}", source, hubReference);
                return new Result(Outcome.UNKNOWN, null);
            }
            IncidentReportRecord report = known.get();
            if (authorityReference.equals(report.authorityReference())) {
                log.info("Incident report {} was confirmed before with the same reference ({}); nothing sent",
                        hubReference, source);
                return new Result(Outcome.ALREADY_CONFIRMED, report);
            }
            log.warn("Incident report {} was confirmed before with another authority reference ({}); refused",
                    hubReference, source);
            return new Result(Outcome.CONFLICT, report);
        });
    }
}
