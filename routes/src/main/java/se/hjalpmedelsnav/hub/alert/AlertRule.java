package se.hjalpmedelsnav.hub.alert;

import java.util.List;

/** One kind of alert: what it finds now, each subject once. A rule that fails leaves its alerts as they were. */
public interface AlertRule {

    AlertCode code();

    List<Finding> find() throws Exception;
}
