package se.hjalpmedelsnav.mappings.message;

/** What a municipality hears about an accepted INCIDENT_REPORT after its receipt. */
public enum IncidentReportStatus {
    /** The report to Läkemedelsverket (XML and PDF) is delivered through the hub's authority channel. */
    SENT,
    /** Läkemedelsverket has the report: the event carries the authority's reference. */
    SUBMITTED,
    /**
     * The report is still not confirmed as submitted when its deadline has passed. Not a failure of the
     * report itself: someone must check that it reached Läkemedelsverket and confirm it.
     */
    OVERDUE
}
