package se.hjalpmedelsnav.mappings.incident;

/** What the incident led to, as Läkemedelsverket's form asks it. */
public enum Consequence {
    DEATH,
    SERIOUS_INJURY,
    INJURY,
    NO_INJURY,
    /** Tillbud: it could have led to an injury but did not. */
    NEAR_MISS
}
