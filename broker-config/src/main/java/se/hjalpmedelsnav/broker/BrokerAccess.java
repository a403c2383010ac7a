package se.hjalpmedelsnav.broker;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.activemq.artemis.core.security.Role;

/**
 * Who may do what on the broker: least privilege per municipality. Artemis applies the most
 * specific matching address pattern only (roles are not merged across patterns), so every pattern
 * names every role that may act on it. A standalone broker's broker.xml carries the same table.
 *
 * <pre>
 * match                      kommun-&lt;code&gt;   hub               admin
 * nav.kommun.&lt;code&gt;.in       send            consume           everything
 * nav.kommun.&lt;code&gt;.out      consume         send              everything
 * nav.#                      -               send, consume     everything   (internal and expiry queues)
 * nav.dlq.#                  -               send, consume,    everything   (dead-letter queues: the admin API
 *                                            browse                         lists what is parked and replays it)
 * #                          -               -                 everything   (management address, anything else)
 * </pre>
 * Nobody but {@code admin} may create or delete an address or queue, browse, or manage: the hub's
 * queues are created by the broker's own configuration (the embedded broker creates them server-side).
 */
public final class BrokerAccess {

    public static final String HUB_ROLE = "hub";
    public static final String ADMIN_ROLE = "admin";

    /** What a role may do on an address, named as in Artemis's security settings. */
    public enum Permission {
        SEND, CONSUME, CREATE_DURABLE_QUEUE, DELETE_DURABLE_QUEUE, CREATE_NON_DURABLE_QUEUE,
        DELETE_NON_DURABLE_QUEUE, MANAGE, BROWSE, CREATE_ADDRESS, DELETE_ADDRESS, VIEW, EDIT
    }

    private BrokerAccess() {
    }

    /** The broker user, and role, of a municipality. */
    public static String kommunUser(String kommunCode) {
        return "kommun-" + kommunCode;
    }

    /** The security settings that do not depend on the registry. */
    public static Map<String, Set<Role>> baseSettings() {
        var settings = new LinkedHashMap<String, Set<Role>>();
        settings.put("#", Set.of(admin()));
        settings.put("nav.#", Set.of(admin(), role(HUB_ROLE, Permission.SEND, Permission.CONSUME)));
        settings.put("nav.dlq.#", Set.of(admin(), role(HUB_ROLE, Permission.SEND, Permission.CONSUME,
                Permission.BROWSE)));
        return settings;
    }

    /** The security settings of one municipality's two queues. */
    public static Map<String, Set<Role>> kommunSettings(String kommunCode) {
        String kommun = kommunUser(kommunCode);
        var settings = new LinkedHashMap<String, Set<Role>>();
        settings.put(Queues.kommunIn(kommunCode),
                // The hub sends there only to replay a parked intake message (admin API).
                Set.of(admin(), role(HUB_ROLE, Permission.SEND, Permission.CONSUME), role(kommun, Permission.SEND)));
        settings.put(Queues.kommunOut(kommunCode),
                Set.of(admin(), role(HUB_ROLE, Permission.SEND), role(kommun, Permission.CONSUME)));
        return settings;
    }

    private static Role admin() {
        return role(ADMIN_ROLE, Permission.values());
    }

    static Role role(String name, Permission... permissions) {
        Set<Permission> p = permissions.length == 0 ? EnumSet.noneOf(Permission.class) : EnumSet.of(permissions[0], permissions);
        return new Role(name, p.contains(Permission.SEND), p.contains(Permission.CONSUME),
                p.contains(Permission.CREATE_DURABLE_QUEUE), p.contains(Permission.DELETE_DURABLE_QUEUE),
                p.contains(Permission.CREATE_NON_DURABLE_QUEUE), p.contains(Permission.DELETE_NON_DURABLE_QUEUE),
                p.contains(Permission.MANAGE), p.contains(Permission.BROWSE), p.contains(Permission.CREATE_ADDRESS),
                p.contains(Permission.DELETE_ADDRESS), p.contains(Permission.VIEW), p.contains(Permission.EDIT));
    }
}
