package se.hjalpmedelsnav.hub.retention;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the hub keeps, and for how long ({@code nav.retention.*}; README "Retention and purge"). Each period is
 * counted from the moment the thing stops being needed: a tracked message from its last change, an incident
 * report from Läkemedelsverket's confirmation, a parked message from when it was parked, a file from when it
 * was last written.
 *
 * @param enabled      whether this hub runs the scheduled purge at all
 * @param interval     how often the purge runs
 * @param initialDelay how long after the start the first run waits
 * @param batchSize    rows deleted by one statement, each in a short transaction of its own
 * @param maxBatches   statements per store and run: what is left waits for the next run
 * @param lease        how long a run may hold the purge (renewed between batches); a hub that dies mid-run frees
 *                     it when this has passed
 * @param tables       the database tables
 * @param folders      the folders under the data folder
 * @param deadLetters  the dead-letter queues
 */
@ConfigurationProperties("nav.retention")
public record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("2m") Duration initialDelay,
        @DefaultValue("500") int batchSize,
        @DefaultValue("200") int maxBatches,
        @DefaultValue("30m") Duration lease,
        @DefaultValue Tables tables,
        @DefaultValue Folders folders,
        @DefaultValue DeadLetters deadLetters) {

    /** A municipality may resend a messageId for at least this long and be answered as a duplicate. */
    public static final Duration MINIMUM_IDEMPOTENCY_WINDOW = Duration.ofDays(90);

    /**
     * @param trackedMessages  {@code tracked_message}: the idempotency window (a messageId is remembered this long
     *                         after the message's last change) and the journey operators search
     * @param supplierEvents   {@code supplier_event}: events already passed on, by event id
     * @param statusFilesRead  {@code camel_messageprocessed}: the file drop's status files already read
     * @param confirmedIncidentReports {@code incident_report}: after Läkemedelsverket's confirmation (an unconfirmed
     *                         report is never removed)
     * @param replayAudit      {@code replay_audit}: the replays' audit trail
     * @param retentionAudit   {@code retention_audit} and {@code retention_run}: the purge's own audit trail
     * @param endedLoans       {@code loan}: a loan that ended (returned, lost, replaced), after it ended; a lent
     *                         device's loan is never removed
     * @param loanOrigins      {@code loan_origin}: what the loan register keeps of an order, withdrawal, return or fault
     *                         report, after it was recorded, once no lent loan is on it
     * @param sentReminders    {@code loan_reminder}: the follow-up and return reminders sent, after sending (an unsent
     *                         one stays)
     */
    public record Tables(
            @DefaultValue("400d") Duration trackedMessages,
            @DefaultValue("400d") Duration supplierEvents,
            @DefaultValue("90d") Duration statusFilesRead,
            @DefaultValue("730d") Duration confirmedIncidentReports,
            @DefaultValue("1095d") Duration replayAudit,
            @DefaultValue("1095d") Duration retentionAudit,
            @DefaultValue("400d") Duration endedLoans,
            @DefaultValue("400d") Duration loanOrigins,
            @DefaultValue("400d") Duration sentReminders) {
    }

    /**
     * @param filedropProcessed  the file drop's {@code processed/} (status files read), LOCAL mode
     * @param filedropError      the file drop's {@code error/} (status files refused, with their reasons), LOCAL mode
     * @param authorityOutbox    Läkemedelsverket's outbox (each report's XML and PDF, with the reporter's name and
     *                           phone), after the report's confirmation; an unconfirmed report's files stay
     * @param confirmations      the confirmation files read ({@code processed/}) and refused (the error folder)
     */
    public record Folders(
            @DefaultValue("30d") Duration filedropProcessed,
            @DefaultValue("90d") Duration filedropError,
            @DefaultValue("30d") Duration authorityOutbox,
            @DefaultValue("90d") Duration confirmations) {
    }

    /**
     * @param alertAfter  a message parked this long raises the alert (gauge, WARN, audit row)
     * @param expireAfter a message parked this long moves to {@code nav.expired.dead-letters}
     * @param keepBody    whether the expired message keeps its body (personal data); by default it does not
     */
    public record DeadLetters(
            @DefaultValue("3d") Duration alertAfter,
            @DefaultValue("30d") Duration expireAfter,
            @DefaultValue("false") boolean keepBody) {
    }

    /** What is wrong with this policy, one sentence per problem; empty when it can be run. */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        if (interval.isNegative() || interval.isZero()) {
            problems.add("nav.retention.interval must be positive");
        }
        if (batchSize < 1 || maxBatches < 1) {
            problems.add("nav.retention.batch-size and max-batches must be at least 1");
        }
        if (lease.compareTo(Duration.ofMinutes(1)) < 0) {
            problems.add("nav.retention.lease must be at least a minute");
        }
        if (tables.trackedMessages().compareTo(MINIMUM_IDEMPOTENCY_WINDOW) < 0) {
            problems.add("nav.retention.tables.tracked-messages is the idempotency window and must be at least "
                    + MINIMUM_IDEMPOTENCY_WINDOW.toDays() + " days");
        }
        if (tables.supplierEvents().compareTo(tables.trackedMessages()) < 0) {
            problems.add("nav.retention.tables.supplier-events must be at least tables.tracked-messages: an event "
                    + "repeated for a message still tracked would be passed on again");
        }
        Duration audited = longest(tables.trackedMessages(), tables.confirmedIncidentReports(),
                deadLetters.expireAfter());
        if (tables.replayAudit().compareTo(audited) <= 0 || tables.retentionAudit().compareTo(audited) <= 0) {
            problems.add("nav.retention.tables.replay-audit and retention-audit must be longer than what they audit "
                    + "(tracked messages, confirmed incident reports, parked messages): more than " + audited.toDays()
                    + " days");
        }
        if (folders.authorityOutbox().compareTo(tables.confirmedIncidentReports()) >= 0) {
            problems.add("nav.retention.folders.authority-outbox must be shorter than tables.confirmed-incident-reports: "
                    + "a report's files are removed by its confirmation, which must still be on record");
        }
        if (deadLetters.alertAfter().compareTo(deadLetters.expireAfter()) >= 0) {
            problems.add("nav.retention.dead-letters.alert-after must be shorter than expire-after");
        }
        if (tables.sentReminders().compareTo(tables.trackedMessages()) < 0) {
            problems.add("nav.retention.tables.sent-reminders must be at least tables.tracked-messages: a reminder "
                    + "forgotten while its order is still tracked could be decided and sent again");
        }
        for (Duration period : List.of(tables.statusFilesRead(), tables.endedLoans(), tables.loanOrigins(),
                folders.filedropProcessed(), folders.filedropError(),
                folders.authorityOutbox(), folders.confirmations(), deadLetters.alertAfter())) {
            if (period.isNegative() || period.isZero()) {
                problems.add("every nav.retention period must be positive");
                break;
            }
        }
        return problems;
    }

    private static Duration longest(Duration... periods) {
        Duration longest = Duration.ZERO;
        for (Duration period : periods) {
            longest = period.compareTo(longest) > 0 ? period : longest;
        }
        return longest;
    }
}
