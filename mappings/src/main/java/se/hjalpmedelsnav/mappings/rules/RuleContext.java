package se.hjalpmedelsnav.mappings.rules;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import se.hjalpmedelsnav.mappings.message.KommunMessage;
import se.hjalpmedelsnav.mappings.registry.Registry;

/**
 * What a rule checks a message against, whatever its type.
 *
 * @param queueKommunCode the municipality whose {@code .in} queue the message arrived on: the authenticated sender
 * @param registry        the registry in force
 * @param messageDate     the day the message counts as sent (an order's order date): its {@code sentAt} in Swedish time
 */
public record RuleContext(String queueKommunCode, Registry registry, LocalDate messageDate) {

    /** Messages count as sent on the day they were sent in Sweden, whatever offset the sender used. */
    public static final ZoneId SWEDISH_TIME = ZoneId.of("Europe/Stockholm");

    /** The context of a message that arrived on {@code queueKommunCode}'s queue, dated by its sentAt in Swedish time. */
    public static RuleContext of(KommunMessage message, String queueKommunCode, Registry registry) {
        Objects.requireNonNull(message.sentAt(), "A message must carry sentAt to be checked");
        return new RuleContext(queueKommunCode, registry,
                message.sentAt().atZoneSameInstant(SWEDISH_TIME).toLocalDate());
    }
}
