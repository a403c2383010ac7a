package se.hjalpmedelsnav.hub.console;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.ObjectInstance;
import javax.management.ObjectName;
import org.jolokia.service.jmx.api.CacheKeyProvider;

/**
 * Lets Jolokia send the description of the hub's Camel and Artemis MBeans once per kind instead of once per MBean,
 * when a client asks for it ({@code listCache=true}, which Hawtio does on every login). The hub has about 630 MBeans
 * (a route and endpoints per municipality; an address and queues each) but only a few dozen different descriptions:
 * the list Hawtio loads before it shows its first page shrinks from about 6.9 MB to about 0.46 MB.
 *
 * <p>Two MBeans share a key only when their descriptions are the same, down to every attribute, operation, parameter
 * and notification (a digest of them), so what a client reads for each MBean is exactly what it would read without the
 * cache. Registered through {@code META-INF/jolokia/services}, Jolokia's own way to add a service.
 */
public class JolokiaListCacheKeys extends CacheKeyProvider {

    private static final Set<String> DOMAINS = Set.of("org.apache.camel", "org.apache.activemq.artemis");

    public JolokiaListCacheKeys(int order) {
        super(order);
    }

    @Override
    public String determineKey(ObjectInstance instance) {
        ObjectName name = instance.getObjectName();
        if (!DOMAINS.contains(name.getDomain())) {
            return null;
        }
        try {
            MBeanInfo info = ManagementFactory.getPlatformMBeanServer().getMBeanInfo(name);
            return name.getDomain() + ":" + info.getClassName() + ":" + digest(describe(info));
        } catch (JMException | RuntimeException gone) {
            // Unregistered meanwhile, or not readable: Jolokia lists it in full, as without this class.
            return null;
        }
    }

    /** Everything of an MBean's description that Jolokia's list shows. */
    static String describe(MBeanInfo info) {
        var text = new StringBuilder(info.getClassName()).append('\n').append(info.getDescription()).append('\n');
        for (MBeanAttributeInfo attribute : info.getAttributes()) {
            text.append("a|").append(attribute.getName()).append('|').append(attribute.getType()).append('|')
                    .append(attribute.getDescription()).append('|').append(attribute.isReadable())
                    .append(attribute.isWritable()).append(attribute.isIs()).append('\n');
        }
        for (MBeanOperationInfo operation : info.getOperations()) {
            text.append("o|").append(operation.getName()).append('|').append(operation.getReturnType()).append('|')
                    .append(operation.getDescription()).append('|').append(operation.getImpact());
            for (MBeanParameterInfo parameter : operation.getSignature()) {
                text.append("|p:").append(parameter.getName()).append(':').append(parameter.getType()).append(':')
                        .append(parameter.getDescription());
            }
            text.append('\n');
        }
        for (MBeanNotificationInfo notification : info.getNotifications()) {
            text.append("n|").append(notification.getName()).append('|').append(notification.getDescription())
                    .append('|').append(String.join(",", notification.getNotifTypes())).append('\n');
        }
        return text.toString();
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
