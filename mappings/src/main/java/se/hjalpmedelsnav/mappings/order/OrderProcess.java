package se.hjalpmedelsnav.mappings.order;

/** Who placed the order: the authority (myndighet, process 1) or the executing unit (verkställighet, process 2). */
public enum OrderProcess {
    AUTHORITY,
    EXECUTION
}
