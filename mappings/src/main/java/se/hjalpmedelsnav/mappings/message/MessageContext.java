package se.hjalpmedelsnav.mappings.message;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import se.hjalpmedelsnav.mappings.registry.Registry;

/**
 * The context of a RETURN, FAULT_REPORT or INCIDENT_REPORT (an ORDER has its own {@code OrderContext}).
 *
 * @param queueKommunCode the municipality whose {@code .in} queue the message arrived on
 * @param registry        the registry in force
 * @param messageDate     the day the message counts as sent (its {@code sentAt} in Swedish time)
 */
public record MessageContext(String queueKommunCode, Registry registry, LocalDate messageDate) implements RuleContext {

    /** Messages count as sent on the day they were sent in Sweden, whatever offset the sender used. */
    public static final ZoneId SWEDISH_TIME = ZoneId.of("Europe/Stockholm");

    /** The context of a message that arrived on {@code queueKommunCode}'s queue, dated by its sentAt in Swedish time. */
    public static MessageContext of(KommunMessage message, String queueKommunCode, Registry registry) {
        Objects.requireNonNull(message.sentAt(), "A message must carry sentAt to be checked");
        return new MessageContext(queueKommunCode, registry,
                message.sentAt().atZoneSameInstant(SWEDISH_TIME).toLocalDate());
    }
}
