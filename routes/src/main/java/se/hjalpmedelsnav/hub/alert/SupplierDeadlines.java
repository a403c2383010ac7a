package se.hjalpmedelsnav.hub.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.hub.tracking.TrackingStatus;

/**
 * SUPPLIER_DEADLINE, per municipality: its messages still waiting for the supplier past their deadline in Swedish
 * working days, counted from the day the hub received them (due at the end of the nth working day after it):
 * <ul>
 * <li>{@code ORDER_CONFIRMATION}: an order the supplier has not answered (no CONFIRMED, BACKORDERED, DELIVERED,
 * CANCELLED or REJECTED_BY_SUPPLIER: it is still ACCEPTED or SENT_TO_SUPPLIER);</li>
 * <li>{@code REPAIR_STARTED}: a fault report not IN_PROGRESS yet (still ACCEPTED, SENT_TO_SUPPLIER or RECEIVED);</li>
 * <li>{@code REPAIR_RESOLVED}: a fault report not RESOLVED or DEVICE_REPLACED (nor refused);</li>
 * <li>{@code PICKUP}: a return not PICKED_UP (nor LOST_REGISTERED, nor refused).</li>
 * </ul>
 * A parked message is the DEAD_LETTERS alert's. Cleared when the supplier's event moves the message on.
 */
@Component
public class SupplierDeadlines implements AlertRule {

    /** At most this many waiting messages are read per deadline and check (the oldest). */
    static final int MAX_READ = 2_000;

    private static final List<String> NOT_ANSWERED = names(TrackingStatus.ACCEPTED, TrackingStatus.SENT_TO_SUPPLIER);
    private static final List<String> NOT_STARTED = names(TrackingStatus.ACCEPTED, TrackingStatus.SENT_TO_SUPPLIER,
            TrackingStatus.RECEIVED);
    private static final List<String> NOT_RESOLVED = names(TrackingStatus.ACCEPTED, TrackingStatus.SENT_TO_SUPPLIER,
            TrackingStatus.RECEIVED, TrackingStatus.IN_PROGRESS);

    /** One deadline: which messages, in which statuses, how many working days. */
    record Deadline(String name, String messageType, List<String> waitingStatuses, int workingDays) {
    }

    private final AlertStore store;
    private final List<Deadline> deadlines;
    private final Clock clock;

    public SupplierDeadlines(AlertStore store, AlertProperties properties, Clock clock) {
        this.store = store;
        this.clock = clock;
        var days = properties.supplier();
        this.deadlines = List.of(
                new Deadline("ORDER_CONFIRMATION", "ORDER", NOT_ANSWERED, days.orderConfirmation()),
                new Deadline("REPAIR_STARTED", "FAULT_REPORT", NOT_STARTED, days.repairStarted()),
                new Deadline("REPAIR_RESOLVED", "FAULT_REPORT", NOT_RESOLVED, days.repairResolved()),
                new Deadline("PICKUP", "RETURN", NOT_STARTED, days.pickup()));
    }

    @Override
    public AlertCode code() {
        return AlertCode.SUPPLIER_DEADLINE;
    }

    /** When a message received at {@code receivedAt} is due: the end of the nth working day after that day. */
    static Instant due(Instant receivedAt, int workingDays, ZoneId zone) {
        LocalDate received = receivedAt.atZone(zone).toLocalDate();
        return SwedishWorkingDays.nthWorkingDayAfter(received, workingDays).plusDays(1).atStartOfDay(zone).toInstant();
    }

    @Override
    public List<Finding> find() {
        Instant now = clock.instant();
        ZoneId zone = clock.getZone();
        Map<String, Map<String, Integer>> perKommun = new TreeMap<>();
        Map<String, Set<String>> references = new TreeMap<>();
        for (Deadline deadline : deadlines) {
            // n working days are at least n calendar days: only what is older can be overdue.
            Instant before = now.minus(Duration.ofDays(deadline.workingDays()));
            for (AlertStore.Waiting waiting : store.waiting(deadline.messageType(), deadline.waitingStatuses(), before,
                    MAX_READ)) {
                if (!now.isBefore(due(waiting.at(), deadline.workingDays(), zone))) {
                    perKommun.computeIfAbsent(waiting.kommunCode(), k -> new LinkedHashMap<>())
                            .merge(deadline.name(), 1, Integer::sum);
                    references.computeIfAbsent(waiting.kommunCode(), k -> new LinkedHashSet<>())
                            .add(waiting.hubReference());
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        perKommun.forEach((kommun, counts) -> {
            StringBuilder detail = new StringBuilder("past the deadline:");
            counts.forEach((name, count) -> detail.append(' ').append(name).append(' ').append(count)
                    .append(" (").append(days(name)).append(" working days)"));
            findings.add(new Finding(code(), kommun, references.get(kommun).size(), detail.toString(),
                    new ArrayList<>(references.get(kommun))));
        });
        return findings;
    }

    private int days(String name) {
        return deadlines.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow().workingDays();
    }

    private static List<String> names(TrackingStatus... statuses) {
        return java.util.Arrays.stream(statuses).map(Enum::name).toList();
    }
}
