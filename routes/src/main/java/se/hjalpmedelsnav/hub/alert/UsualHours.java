package se.hjalpmedelsnav.hub.alert;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The hours of the week in which a municipality usually sends (Swedish time), set in configuration
 * ({@code MON-FRI 07-17, SAT 09-12}: days, then hours from-to, the end hour not included) or learnt from its traffic:
 * an hour of the week is usual when it sent in that hour on at least {@code minWeeks} of the past weeks.
 */
public final class UsualHours {

    static final int HOURS_OF_A_WEEK = 7 * 24;

    private final BitSet hours;

    private UsualHours(BitSet hours) {
        this.hours = hours;
    }

    public static UsualHours none() {
        return new UsualHours(new BitSet(HOURS_OF_A_WEEK));
    }

    /** {@code MON-FRI 07-17} or several such, separated by commas; days MON..SUN, hours 00-24. */
    public static UsualHours parse(String text) {
        BitSet hours = new BitSet(HOURS_OF_A_WEEK);
        for (String part : text.split(",")) {
            String[] dayAndHours = part.trim().split("\\s+");
            if (dayAndHours.length != 2) {
                throw new IllegalArgumentException("usual hours must read like 'MON-FRI 07-17', not '" + part.trim() + "'");
            }
            String[] days = dayAndHours[0].split("-");
            String[] span = dayAndHours[1].split("-");
            if (days.length > 2 || span.length != 2) {
                throw new IllegalArgumentException("usual hours must read like 'MON-FRI 07-17', not '" + part.trim() + "'");
            }
            int firstDay = day(days[0]);
            int lastDay = day(days[days.length - 1]);
            int from = Integer.parseInt(span[0]);
            int to = Integer.parseInt(span[1]);
            if (lastDay < firstDay || from < 0 || to > 24 || from >= to) {
                throw new IllegalArgumentException("usual hours out of order in '" + part.trim() + "'");
            }
            for (int d = firstDay; d <= lastDay; d++) {
                hours.set(d * 24 + from, d * 24 + to);
            }
        }
        return new UsualHours(hours);
    }

    private static int day(String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(name.toUpperCase(Locale.ROOT)) && name.length() >= 3) {
                return day.getValue() - 1;
            }
        }
        throw new IllegalArgumentException("not a day of the week: '" + name + "' (MON, TUE, … SUN)");
    }

    /**
     * Learnt from the hours in which the municipality sent (each the start of an hour with at least one message),
     * within the {@code weeks} weeks before {@code now}: usual where it sent on at least {@code minWeeks} of them.
     */
    public static UsualHours learnt(Collection<Instant> hoursSent, Instant now, int weeks, int minWeeks, ZoneId zone) {
        Map<Integer, Set<Long>> weeksPerHour = new HashMap<>();
        Instant since = now.minus(Duration.ofDays(7L * weeks));
        for (Instant hour : hoursSent) {
            if (hour.isBefore(since) || !hour.isBefore(now)) {
                continue;
            }
            long week = Duration.between(hour, now).toDays() / 7;
            weeksPerHour.computeIfAbsent(hourOfWeek(hour, zone), h -> new HashSet<>()).add(week);
        }
        BitSet hours = new BitSet(HOURS_OF_A_WEEK);
        weeksPerHour.forEach((hour, seen) -> {
            if (seen.size() >= minWeeks) {
                hours.set(hour);
            }
        });
        return new UsualHours(hours);
    }

    static int hourOfWeek(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
    }

    public boolean isEmpty() {
        return hours.isEmpty();
    }

    public boolean contains(Instant at, ZoneId zone) {
        return hours.get(hourOfWeek(at, zone));
    }

    /** How much of the time from {@code from} to {@code to} lies in usual hours (looked at up to 5 weeks back). */
    public Duration usualTimeBetween(Instant from, Instant to, ZoneId zone) {
        Instant start = from.isBefore(to.minus(Duration.ofDays(35))) ? to.minus(Duration.ofDays(35)) : from;
        Duration usual = Duration.ZERO;
        Instant hour = start.truncatedTo(ChronoUnit.HOURS);
        while (hour.isBefore(to)) {
            Instant next = hour.plus(Duration.ofHours(1));
            if (contains(hour, zone)) {
                Instant a = hour.isBefore(start) ? start : hour;
                Instant b = next.isAfter(to) ? to : next;
                usual = usual.plus(Duration.between(a, b));
            }
            hour = next;
        }
        return usual;
    }

    /** Compact text for logs and the console: the number of usual hours of a week. */
    @Override
    public String toString() {
        return hours.cardinality() + " usual hours a week";
    }
}
