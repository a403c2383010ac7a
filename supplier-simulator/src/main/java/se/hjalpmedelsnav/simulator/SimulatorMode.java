package se.hjalpmedelsnav.simulator;

/** How the simulated supplier answers, switchable at run time for tests and demos. */
public enum SimulatorMode {
    /** Answers like a healthy supplier. */
    NORMAL,
    /** The supplier's API (orders, returns, fault reports) answers 503. */
    FAIL_5XX,
    /** The supplier's API answers, but only after {@code slowMillis}. */
    SLOW,
    /** The whole supplier, token endpoint included, answers 503. */
    DOWN
}
