package se.hjalpmedelsnav.mappings.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportingDeadlineTest {

    private static final ReportingDeadline DEADLINE = new ReportingDeadline(Duration.ofDays(2), Duration.ofDays(7));
    private static final OffsetDateTime ACCEPTED = OffsetDateTime.parse("2026-03-02T09:15:00+01:00");

    @ParameterizedTest
    @CsvSource({"DEATH, 2026-03-04T09:15:00+01:00", "SERIOUS_INJURY, 2026-03-04T09:15:00+01:00",
            "INJURY, 2026-03-09T09:15:00+01:00", "NO_INJURY, 2026-03-09T09:15:00+01:00",
            "NEAR_MISS, 2026-03-09T09:15:00+01:00"})
    void aDeathOrSeriousInjuryHasTheShorterDeadline(Consequence consequence, OffsetDateTime due) {
        assertThat(DEADLINE.dueAt(consequence, ACCEPTED)).isEqualTo(due);
    }

    @ParameterizedTest
    @CsvSource({"PT0S, P7D", "P2D, -PT1S"})
    void refusesADeadlineThatIsNotPositive(Duration serious, Duration other) {
        assertThatThrownBy(() -> new ReportingDeadline(serious, other)).isInstanceOf(IllegalArgumentException.class);
    }
}
