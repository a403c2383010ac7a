package se.hjalpmedelsnav.hub.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.ArrayList;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * BUSINESS_SILENCE: an agreement party that has sent nothing for {@code nav.alerts.silence.after} of its usual hours
 * (nights and weekends outside them do not count). Its usual hours are set in {@code nav.alerts.silence.hours.<code>}
 * or learnt from its own messages of the last weeks; a municipality without either (new, or never regular) raises
 * nothing. Cleared by its next message.
 */
@Component
public class BusinessSilence implements AlertRule {

    private final AlertStore store;
    private final AlertProperties.Silence policy;
    private final Supplier<Set<String>> agreementParties;
    private final Clock clock;
    private final Map<String, UsualHours> configured = new HashMap<>();
    private Map<String, UsualHours> learnt = Map.of();
    private Instant learntAt;

    public BusinessSilence(AlertStore store, AlertProperties properties,
            @Qualifier(AlertConfiguration.AGREEMENT_PARTIES) Supplier<Set<String>> agreementParties, Clock clock) {
        this.store = store;
        this.policy = properties.silence();
        this.agreementParties = agreementParties;
        this.clock = clock;
        policy.hours().forEach((kommun, hours) -> configured.put(kommun, UsualHours.parse(hours)));
    }

    @Override
    public AlertCode code() {
        return AlertCode.BUSINESS_SILENCE;
    }

    @Override
    public List<Finding> find() {
        Instant now = clock.instant();
        ZoneId zone = clock.getZone();
        Map<String, UsualHours> usual = usualHours(now, zone);
        List<Finding> findings = new ArrayList<>();
        for (String kommun : new TreeSet<>(agreementParties.get())) {
            UsualHours hours = configured.getOrDefault(kommun, usual.getOrDefault(kommun, UsualHours.none()));
            if (hours.isEmpty()) {
                continue;
            }
            Instant last = store.lastReceived(kommun).orElse(null);
            Duration quiet = hours.usualTimeBetween(last == null ? now.minus(Duration.ofDays(35)) : last, now, zone);
            if (quiet.compareTo(policy.after()) >= 0) {
                String usualHours = hours + (configured.containsKey(kommun) ? ", configured" : ", learnt");
                findings.add(new Finding(code(), kommun, 1, last == null
                        ? "no message ever received (" + usualHours + ")"
                        : "nothing received in " + minutes(quiet) + " of its usual hours (" + usualHours
                                + "); last message " + last.atZone(zone).toOffsetDateTime(),
                        List.of()));
            }
        }
        return findings;
    }

    /** The learnt hours, computed again every {@code relearn} (one grouped query over the learning weeks). */
    synchronized Map<String, UsualHours> usualHours(Instant now, ZoneId zone) {
        if (learntAt == null || now.isBefore(learntAt) || !now.isBefore(learntAt.plus(policy.relearn()))) {
            Map<String, UsualHours> fresh = new HashMap<>();
            store.hoursSent(now.minus(Duration.ofDays(7L * policy.learnWeeks()))).forEach((kommun, hours) ->
                    fresh.put(kommun, UsualHours.learnt(hours, now, policy.learnWeeks(), policy.minWeeks(), zone)));
            learnt = fresh;
            learntAt = now;
        }
        return learnt;
    }

    private static String minutes(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes >= 60 ? (minutes / 60) + " h " + (minutes % 60) + " min" : minutes + " min";
    }
}
