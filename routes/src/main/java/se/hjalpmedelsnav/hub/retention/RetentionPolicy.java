package se.hjalpmedelsnav.hub.retention;

import java.time.Duration;
import java.util.List;

/** The retention policy as a table, store by store: what the README's table says and the admin API shows. */
public final class RetentionPolicy {

    private RetentionPolicy() {
    }

    /**
     * @param store        the table, folder or queues
     * @param holds        what is kept there
     * @param personalData whether it holds personal data
     * @param days         the period, in days
     * @param countedFrom  from when the period counts
     * @param property     where it is configured
     */
    public record Entry(String store, String holds, boolean personalData, long days, String countedFrom,
            String property) {
    }

    public static List<Entry> entries(RetentionProperties p) {
        var t = p.tables();
        var f = p.folders();
        var d = p.deadLetters();
        return List.of(
                entry("tracked_message", "each message's references, status and receipt; the idempotency window",
                        false, t.trackedMessages(), "its last change", "tables.tracked-messages"),
                entry("supplier_event", "supplier event ids passed on", false, t.supplierEvents(), "its arrival",
                        "tables.supplier-events"),
                entry("camel_messageprocessed", "the file drop's status files read (name, size, time)", false,
                        t.statusFilesRead(), "its reading", "tables.status-files-read"),
                entry("incident_report", "each incident report's references, deadline and confirmation", false,
                        t.confirmedIncidentReports(), "Läkemedelsverket's confirmation (never before)",
                        "tables.confirmed-incident-reports"),
                entry("replay_audit", "who replayed which parked message", false, t.replayAudit(), "the replay",
                        "tables.replay-audit"),
                entry("retention_audit, retention_run", "the purge's runs and its steps on parked messages", false,
                        t.retentionAudit(), "the step or run", "tables.retention-audit"),
                entry("loan", "the loan register: device, order, decision, state; the user as a keyed pseudonym", true,
                        t.endedLoans(), "the loan's end (a lent device's loan stays)", "tables.ended-loans"),
                entry("loan_origin", "what a loan is lent from: an order's decision, dates, articles; the user as a "
                        + "keyed pseudonym", true, t.loanOrigins(), "its recording, once no loan on it is lent",
                        "tables.loan-origins"),
                entry("loan_reminder", "follow-up and return reminders sent (references only)", false,
                        t.sentReminders(), "its sending (an unsent one stays)", "tables.sent-reminders"),
                entry("file drop processed/", "status files read", true, f.filedropProcessed(), "the file's last write",
                        "folders.filedrop-processed"),
                entry("file drop error/", "status files refused, with their reasons", true, f.filedropError(),
                        "the file's last write", "folders.filedrop-error"),
                entry("Läkemedelsverket outbox", "each report's XML and PDF, with the reporter's name and phone", true,
                        f.authorityOutbox(), "Läkemedelsverket's confirmation (never before)",
                        "folders.authority-outbox"),
                entry("confirmations processed/, error/", "confirmation files read or refused", false,
                        f.confirmations(), "the file's last write", "folders.confirmations"),
                entry("nav.dlq.* (alert)", "parked messages: the body holds identity number, name, address", true,
                        d.alertAfter(), "parking", "dead-letters.alert-after"),
                entry("nav.dlq.* (expiry)", "moved to nav.expired.dead-letters, body " + (d.keepBody() ? "kept"
                        : "removed"), d.keepBody(), d.expireAfter(), "parking", "dead-letters.expire-after"));
    }

    private static Entry entry(String store, String holds, boolean personalData, Duration period, String countedFrom,
            String property) {
        return new Entry(store, holds, personalData, period.toDays(), countedFrom, "nav.retention." + property);
    }
}
