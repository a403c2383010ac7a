package se.hjalpmedelsnav.hub.alert;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** One evaluation of every alert rule, on the {@code alert-check} route's timer. */
@Component
public class AlertCheck {

    private static final Logger log = LoggerFactory.getLogger(AlertCheck.class);

    private final List<AlertRule> rules;
    private final AlertBoard board;

    public AlertCheck(List<AlertRule> rules, AlertBoard board) {
        this.rules = rules;
        this.board = board;
    }

    /** Each rule on its own: one that fails (the database or broker away) keeps its alerts as they were. */
    public void run() {
        for (AlertRule rule : rules) {
            try {
                board.update(rule.code(), rule.find());
            } catch (Exception failure) {
                log.warn("Alert rule {} could not be evaluated; its alerts stay as they were: {}", rule.code(),
                        failure.getClass().getSimpleName());
            }
        }
    }
}
