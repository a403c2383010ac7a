package se.hjalpmedelsnav.hub.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsualHoursTest {

    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private static Instant at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), SWEDEN).toInstant();
    }

    @Test
    void readsConfiguredHoursWithTheEndHourLeftOut() {
        UsualHours hours = UsualHours.parse("MON-FRI 07-17, SAT 09-12");
        assertThat(hours.contains(at("2026-12-07T07:00"), SWEDEN)).isTrue();   // Monday
        assertThat(hours.contains(at("2026-12-07T16:59"), SWEDEN)).isTrue();
        assertThat(hours.contains(at("2026-12-07T17:00"), SWEDEN)).isFalse();
        assertThat(hours.contains(at("2026-12-12T10:00"), SWEDEN)).isTrue();   // Saturday
        assertThat(hours.contains(at("2026-12-13T10:00"), SWEDEN)).isFalse();  // Sunday
    }

    @Test
    void refusesHoursItCannotRead() {
        assertThatThrownBy(() -> UsualHours.parse("weekdays")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UsualHours.parse("FRI-MON 07-17")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UsualHours.parse("MON 17-07")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsOnlyUsualTimeOfASilence() {
        UsualHours hours = UsualHours.parse("MON-FRI 08-17");
        // Friday 16:00 to Monday 09:30: one hour on Friday, an hour and a half on Monday; the weekend does not count.
        assertThat(hours.usualTimeBetween(at("2026-12-04T16:00"), at("2026-12-07T09:30"), SWEDEN))
                .isEqualTo(Duration.ofMinutes(150));
        assertThat(hours.usualTimeBetween(at("2026-12-05T10:00"), at("2026-12-06T22:00"), SWEDEN)).isZero();
    }

    @Test
    void learnsTheHoursSentInOnEnoughOfThePastWeeks() {
        Instant now = at("2026-12-07T12:00"); // a Monday
        List<Instant> sent = new ArrayList<>();
        for (int week = 1; week <= 4; week++) {
            sent.add(at("2026-12-07T09:00").minus(Duration.ofDays(7L * week)));          // Mondays 09-10, 4 weeks
            if (week <= 2) {
                sent.add(at("2026-12-08T14:00").minus(Duration.ofDays(7L * week)));      // Tuesdays 14-15, 2 weeks
            }
        }
        sent.add(at("2026-12-07T09:00").minus(Duration.ofDays(7L * 6)));                 // before the 4 weeks
        UsualHours hours = UsualHours.learnt(sent, now, 4, 3, SWEDEN);
        assertThat(hours.contains(at("2026-12-07T09:30"), SWEDEN)).isTrue();
        assertThat(hours.contains(at("2026-12-08T14:30"), SWEDEN)).isFalse();
        assertThat(hours.contains(at("2026-12-07T10:30"), SWEDEN)).isFalse();
        assertThat(hours.toString()).isEqualTo("1 usual hours a week");
    }
}
