package se.hjalpmedelsnav.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The mode in force, as posted to and read from {@code /simulator/admin/mode}.
 *
 * @param slowMillis how long SLOW delays an answer; one second when not given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimulatorModeSetting(SimulatorMode mode, Long slowMillis) {

    static final SimulatorModeSetting NORMAL = new SimulatorModeSetting(SimulatorMode.NORMAL, null);
    private static final long DEFAULT_SLOW_MILLIS = 1_000;

    public SimulatorModeSetting {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        if (slowMillis != null && slowMillis < 0) {
            throw new IllegalArgumentException("slowMillis must not be negative");
        }
        if (mode == SimulatorMode.SLOW && slowMillis == null) {
            slowMillis = DEFAULT_SLOW_MILLIS;
        }
    }
}
