package se.hjalpmedelsnav.mappings.message;

import java.util.List;

/**
 * One rule of the handbook the hub enforces on messages of type {@code M} (or on any message that has
 * what {@code M} declares). Like an ORDER's rules, a rule is pure: it returns every violation it finds
 * (empty when the message passes), never throws for bad input, and never quotes a personal value.
 *
 * @param <M> the messages the rule can read
 */
@FunctionalInterface
public interface MessageRule<M extends KommunMessage> {

    List<ContractError> check(M message, RuleContext context);
}
