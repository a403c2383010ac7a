package se.hjalpmedelsnav.hub.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import se.hjalpmedelsnav.mappings.registry.Municipality;
import se.hjalpmedelsnav.mappings.registry.RegistrySource;

/**
 * The console's first page: each municipality of the registry (and any other code the tracking store has seen) with
 * its traffic of the last hour and the last day, and whether it has gone silent: an agreement party whose newest
 * message is older than {@code nav.console.silent-after} (or that never sent one).
 */
@Service
public class TrafficOverview {

    static final Duration HOUR = Duration.ofHours(1);
    static final Duration DAY = Duration.ofDays(1);

    private final TrafficStore store;
    private final RegistrySource registry;
    private final Clock clock;
    private final Duration silentAfter;

    public TrafficOverview(TrafficStore store, RegistrySource registry, Clock clock,
            @Value("${nav.console.silent-after:24h}") Duration silentAfter) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
        this.silentAfter = silentAfter;
    }

    public Overview now() {
        Instant now = clock.instant();
        Map<String, TrafficStore.Windows> traffic = store.since(now.minus(HOUR), now.minus(DAY));
        List<Municipality> known = registry.current().municipalities();
        List<MunicipalityTraffic> rows = new ArrayList<>();
        for (Municipality municipality : known) {
            rows.add(row(municipality.code(), municipality.name(), municipality.agreementParty(),
                    traffic.get(municipality.code()), now));
        }
        Set<String> unknown = new TreeSet<>(traffic.keySet());
        known.forEach(m -> unknown.remove(m.code()));
        for (String code : unknown) {
            rows.add(row(code, null, false, traffic.get(code), now));
        }
        return new Overview(at(now), silentAfter.toMinutes(), rows);
    }

    private MunicipalityTraffic row(String code, String name, boolean agreementParty, TrafficStore.Windows windows,
            Instant now) {
        // Newest message: from the day's aggregate, or (only for those quiet all day) one index lookup.
        Instant last = windows != null && windows.lastReceived() != null ? windows.lastReceived()
                : store.lastReceived(code).orElse(null);
        boolean silent = agreementParty && (last == null || last.isBefore(now.minus(silentAfter)));
        return new MunicipalityTraffic(code, name, agreementParty,
                windows == null ? Traffic.NONE : windows.recent(), windows == null ? Traffic.NONE : windows.day(),
                last == null ? null : at(last), silent);
    }

    private OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, clock.getZone());
    }

    /** The overview page's data; {@code silentAfterMinutes} is the silence limit in force. */
    public record Overview(OffsetDateTime generatedAt, long silentAfterMinutes, List<MunicipalityTraffic> municipalities) {
    }

    /** One municipality's row: {@code name} is null for a code the registry does not know. */
    public record MunicipalityTraffic(String kommunCode, String name, boolean agreementParty, Traffic lastHour,
            Traffic lastDay, OffsetDateTime lastReceivedAt, boolean silent) {
    }
}
