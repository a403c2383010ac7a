package se.hjalpmedelsnav.mappings.message;

import java.time.LocalDate;
import se.hjalpmedelsnav.mappings.registry.Registry;

/**
 * What a rule checks a message against, whatever its type: the rules shared by several types (the
 * sender, the numbers, the private contractor) read only this.
 */
public interface RuleContext {

    /** The municipality whose {@code .in} queue the message arrived on: the authenticated sender. */
    String queueKommunCode();

    /** The registry in force. */
    Registry registry();

    /** The day the message counts as sent: its {@code sentAt} in Swedish time. */
    LocalDate messageDate();
}
