package se.hjalpmedelsnav.mappings.incident;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * By when an incident report must be confirmed as submitted to Läkemedelsverket, counted from the moment
 * the hub accepted it. A death or serious injury has the shorter time (HSLF-FS 2021:52 ch. 5 asks for a
 * report without delay; the hub chases after {@code serious}); any other consequence has {@code other}.
 */
public record ReportingDeadline(Duration serious, Duration other) {

    public ReportingDeadline {
        Objects.requireNonNull(serious, "serious");
        Objects.requireNonNull(other, "other");
        if (serious.isNegative() || serious.isZero() || other.isNegative() || other.isZero()) {
            throw new IllegalArgumentException("reporting deadlines must be positive");
        }
    }

    public static boolean isSerious(Consequence consequence) {
        return consequence == Consequence.DEATH || consequence == Consequence.SERIOUS_INJURY;
    }

    public Duration timeFor(Consequence consequence) {
        return isSerious(consequence) ? serious : other;
    }

    public OffsetDateTime dueAt(Consequence consequence, OffsetDateTime acceptedAt) {
        return acceptedAt.plus(timeFor(consequence));
    }
}
