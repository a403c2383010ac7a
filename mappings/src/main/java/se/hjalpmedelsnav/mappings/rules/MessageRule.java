package se.hjalpmedelsnav.mappings.rules;

import java.util.List;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.KommunMessage;

/**
 * One rule of the handbook the hub enforces on messages of type {@code M} (or on any message that has
 * what {@code M} declares: a rule on {@link KommunMessage} holds for every type). A rule is pure: it
 * reads the message and the context and returns every violation it finds (empty when the message
 * passes), never throws for bad input, and never quotes a personal value in its messages.
 *
 * <p>Rules run on messages that passed the schema, so required fields are present; a rule still
 * tolerates nulls in optional parts.
 *
 * @param <M> the messages the rule can read
 */
@FunctionalInterface
public interface MessageRule<M extends KommunMessage> {

    List<ContractError> check(M message, RuleContext context);
}
