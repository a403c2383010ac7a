package se.hjalpmedelsnav.hub.alert;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.hub.admin.DeadLetters;

/** DEAD_LETTERS: each dead-letter queue that holds a message, with how many. Cleared when the queue is empty. */
@Component
public class DeadLetterAlerts implements AlertRule {

    private final DeadLetters deadLetters;

    public DeadLetterAlerts(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public AlertCode code() {
        return AlertCode.DEAD_LETTERS;
    }

    @Override
    public List<Finding> find() throws Exception {
        List<Finding> findings = new ArrayList<>();
        deadLetters.counts().forEach((queue, count) -> {
            if (count > 0) {
                findings.add(new Finding(code(), queue, count, count + " message(s) parked", List.of()));
            }
        });
        return findings;
    }
}
