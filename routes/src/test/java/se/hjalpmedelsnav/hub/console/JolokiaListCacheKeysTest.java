package se.hjalpmedelsnav.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.management.MBeanServer;
import javax.management.ObjectInstance;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JolokiaListCacheKeysTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final List<ObjectName> registered = new ArrayList<>();
    private final JolokiaListCacheKeys keys = new JolokiaListCacheKeys(50);
    private final String context = "console-test-" + UUID.randomUUID();

    public interface Counter {
        long getCount();
    }

    /** One class for every counter, as Camel has one class per kind of processor. */
    public record FixedCounter(long getCount) implements Counter {
    }

    public interface CounterWithReset {
        long getCount();

        void reset();
    }

    @AfterEach
    void unregister() throws Exception {
        for (ObjectName name : registered) {
            server.unregisterMBean(name);
        }
    }

    @Test
    void mbeansWithTheSameDescriptionShareAKey() throws Exception {
        ObjectInstance first = register("org.apache.camel", "a", Counter.class, new FixedCounter(1));
        ObjectInstance second = register("org.apache.camel", "b", Counter.class, new FixedCounter(2));

        assertThat(keys.determineKey(first)).isNotNull().isEqualTo(keys.determineKey(second));
    }

    @Test
    void aDifferentDescriptionGetsADifferentKey() throws Exception {
        ObjectInstance counter = register("org.apache.camel", "a", Counter.class, new FixedCounter(1));
        CounterWithReset resettable = new CounterWithReset() {
            @Override
            public long getCount() {
                return 0;
            }

            @Override
            public void reset() {
            }
        };
        ObjectInstance withReset = register("org.apache.camel", "b", CounterWithReset.class, resettable);

        assertThat(keys.determineKey(counter)).isNotEqualTo(keys.determineKey(withReset));
    }

    @Test
    void leavesOtherDomainsAndVanishedMBeansToJolokia() throws Exception {
        ObjectInstance elsewhere = register("se.hjalpmedelsnav.test", "a", Counter.class, new FixedCounter(1));
        ObjectInstance gone = register("org.apache.camel", "b", Counter.class, new FixedCounter(1));
        server.unregisterMBean(gone.getObjectName());
        registered.remove(gone.getObjectName());

        assertThat(keys.determineKey(elsewhere)).isNull();
        assertThat(keys.determineKey(gone)).isNull();
    }

    private <T> ObjectInstance register(String domain, String name, Class<T> type, T implementation) throws Exception {
        ObjectName objectName = new ObjectName(domain + ":context=" + context + ",type=processors,name=" + name);
        ObjectInstance instance = server.registerMBean(new StandardMBean(implementation, type), objectName);
        registered.add(objectName);
        return instance;
    }
}
