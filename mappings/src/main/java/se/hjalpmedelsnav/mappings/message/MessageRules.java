package se.hjalpmedelsnav.mappings.message;

import java.util.ArrayList;
import java.util.List;

/**
 * Rules for one message type, run together: every rule runs, so the municipality gets all the errors
 * of its message in one receipt, in the order of the rules.
 *
 * @param <M> the message type checked
 */
public final class MessageRules<M extends KommunMessage> {

    private final List<MessageRule<? super M>> rules;

    public MessageRules(List<? extends MessageRule<? super M>> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Every violation of every rule, in rule order; empty when the message may be forwarded. */
    public List<ContractError> check(M message, RuleContext context) {
        List<ContractError> errors = new ArrayList<>();
        for (MessageRule<? super M> rule : rules) {
            errors.addAll(rule.check(message, context));
        }
        return List.copyOf(errors);
    }
}
