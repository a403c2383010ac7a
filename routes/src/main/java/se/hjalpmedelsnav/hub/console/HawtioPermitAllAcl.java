package se.hjalpmedelsnav.hub.console;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Takes Hawtio's placeholder access-control MBean out of JMX once the hub is up. Hawtio on Spring Boot registers
 * {@value #NAME}, which answers "may" to every question; finding it, the console asks it about every operation of
 * every MBean after each login (an 11 MB answer, two seconds before the first page on this machine's cores) and learns
 * nothing. Without it Hawtio turns its client-side checks off, which shows exactly the same buttons. Who may do what
 * is decided on the server, as before: {@code JolokiaReadOnlyForViewers} and the admin API's roles.
 */
@Component
class HawtioPermitAllAcl {

    static final String NAME = "hawtio:type=security,area=jmx,name=HawtioDummyJMXSecurity";

    private static final Logger log = LoggerFactory.getLogger(HawtioPermitAllAcl.class);

    @EventListener(ApplicationReadyEvent.class)
    void remove() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName name = new ObjectName(NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
                log.info("Hawtio's permit-all access-control MBean removed: the console skips its per-operation check");
            }
        } catch (JMException e) {
            log.warn("Could not remove Hawtio's permit-all access-control MBean; the console asks it after each login: {}",
                    e.toString());
        }
    }
}
