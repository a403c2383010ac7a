package se.hjalpmedelsnav.hub.alert;

/** The hub's alerts: stable codes (metrics, logs, Prometheus rules and the console use them), each with what to do. */
public enum AlertCode {
    BUSINESS_SILENCE("kommun",
            "Ask the municipality whether its case system has stopped sending (its queue, its certificate, its "
                    + "password); the alert clears with its next message."),
    REFUSAL_SPIKE("kommun",
            "Open the Overview's refusal codes for this municipality and tell it what its case system sends wrong; "
                    + "the alert clears when its share of refusals falls back."),
    SUPPLIER_DEADLINE("kommun",
            "Ask the supplier about the hub references listed (Journey shows where each stands); the alert clears "
                    + "when the supplier's event arrives."),
    DEAD_LETTERS("queue",
            "Open Dead letters, read each parked message's reason, fix the cause and replay it; the alert clears "
                    + "when the queue is empty."),
    INCIDENT_DEADLINE("kommun",
            "Submit the report in Läkemedelsverket's e-service and record its reference on the Incident reports "
                    + "page; the alert clears with the confirmation.");

    private final String subjectKind;
    private final String action;

    AlertCode(String subjectKind, String action) {
        this.subjectKind = subjectKind;
        this.action = action;
    }

    /** What the subject names: {@code kommun} (a municipality code) or {@code queue}. */
    public String subjectKind() {
        return subjectKind;
    }

    /** One sentence: what the admin should do. */
    public String action() {
        return action;
    }
}
