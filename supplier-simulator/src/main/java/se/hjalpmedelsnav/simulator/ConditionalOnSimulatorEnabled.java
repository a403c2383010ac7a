package se.hjalpmedelsnav.simulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * The simulator exists only where {@code nav.simulator.enabled=true}. Every simulator bean carries
 * this, not only the configuration, so a hub that component-scans this package gets no simulator
 * either unless it asks for one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(prefix = "nav.simulator", name = "enabled", havingValue = "true")
public @interface ConditionalOnSimulatorEnabled {
}
