package se.hjalpmedelsnav.mappings.rules;

import java.util.Optional;
import se.hjalpmedelsnav.mappings.message.KommunMessage;

/**
 * Something the receipt tells the municipality about a message of type {@code M} that is not an error:
 * nothing is refused for it. Pure, like a {@link MessageRule}, and never quoting a personal value.
 *
 * @param <M> the messages the notice can read
 */
@FunctionalInterface
public interface Notice<M extends KommunMessage> {

    Optional<String> noticeFor(M message, RuleContext context);
}
