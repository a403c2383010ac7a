package se.hjalpmedelsnav.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.utils.DefaultSensitiveStringCodec;
import org.apache.activemq.artemis.utils.PasswordMaskingUtil;
import se.hjalpmedelsnav.broker.BrokerAccess.Permission;
import se.hjalpmedelsnav.mappings.registry.InvalidRegistryException;
import se.hjalpmedelsnav.mappings.registry.Municipality;
import se.hjalpmedelsnav.mappings.registry.RegistryLoader;

/**
 * Writes a standalone broker's addresses and security from the registry, so that it has exactly the queues
 * the embedded broker creates ({@code hub-addresses.xml}: {@link Queues#hubQueues()} and every municipality's
 * two queues) and permits exactly what the embedded broker does: the security settings of {@link BrokerAccess} for every municipality of the registry
 * ({@code hub-security.xml}, which broker.xml includes) and the users and roles of Artemis's properties
 * login module ({@code artemis-users.properties} with one-way hashed passwords, {@code artemis-roles.properties}).
 * Generated rather than kept in XML so that there is one table of who may do what; run when the broker
 * instance is created ({@code tools/broker/artemis-broker.sh create}), from the hub's jar:
 * <pre>
 * java -cp routes.jar -Dloader.main=se.hjalpmedelsnav.broker.StandaloneBrokerConfig \
 *      org.springframework.boot.loader.launch.PropertiesLauncher \
 *      --registry config/registry.yaml --credentials-file broker-credentials.properties --etc instance/etc
 * </pre>
 * Passwords: the credentials file ({@code kommun-<code>=…}, and {@code hub=…}, {@code admin=…} under the
 * user names of the hub and the admin), where the environment's {@code NAV_BROKER_HUB_PASSWORD} and
 * {@code NAV_BROKER_ADMIN_PASSWORD} win over the file; a value already hashed ({@code ENC(…)}) is taken as
 * it is. A municipality without a password gets no user (as on the embedded broker); the hub and the admin
 * must have one. Development passwords ({@code <user>-dev}) are refused unless
 * {@code --allow-development-passwords} (tests only).
 */
public final class StandaloneBrokerConfig {

    static final String ADDRESSES_FILE = "hub-addresses.xml";
    static final String SECURITY_SETTINGS_FILE = "hub-security.xml";
    static final String USERS_FILE = "artemis-users.properties";
    static final String ROLES_FILE = "artemis-roles.properties";

    /** The name of each permission in broker.xml, and how a {@link Role} says it has it. */
    private static final Map<Permission, Predicate<Role>> PERMISSIONS = new EnumMap<>(Permission.class);

    static {
        PERMISSIONS.put(Permission.SEND, Role::isSend);
        PERMISSIONS.put(Permission.CONSUME, Role::isConsume);
        PERMISSIONS.put(Permission.CREATE_DURABLE_QUEUE, Role::isCreateDurableQueue);
        PERMISSIONS.put(Permission.DELETE_DURABLE_QUEUE, Role::isDeleteDurableQueue);
        PERMISSIONS.put(Permission.CREATE_NON_DURABLE_QUEUE, Role::isCreateNonDurableQueue);
        PERMISSIONS.put(Permission.DELETE_NON_DURABLE_QUEUE, Role::isDeleteNonDurableQueue);
        PERMISSIONS.put(Permission.MANAGE, Role::isManage);
        PERMISSIONS.put(Permission.BROWSE, Role::isBrowse);
        PERMISSIONS.put(Permission.CREATE_ADDRESS, Role::isCreateAddress);
        PERMISSIONS.put(Permission.DELETE_ADDRESS, Role::isDeleteAddress);
        PERMISSIONS.put(Permission.VIEW, Role::isView);
        PERMISSIONS.put(Permission.EDIT, Role::isEdit);
        if (PERMISSIONS.size() != Permission.values().length) {
            throw new IllegalStateException("Every BrokerAccess permission needs its broker.xml name");
        }
    }

    /** A broker user: its name, its one role, and its password (plain, or already {@code ENC(…)}). */
    record BrokerUser(String name, String role, String password) {

        @Override
        public String toString() {
            return "BrokerUser[name=" + name + ", role=" + role + "]";
        }
    }

    private StandaloneBrokerConfig() {
    }

    /** Every security setting of a broker serving these municipalities: {@link BrokerAccess}'s, in its order. */
    static Map<String, Set<Role>> securitySettings(List<String> kommunCodes) {
        var settings = new LinkedHashMap<>(BrokerAccess.baseSettings());
        for (String code : kommunCodes) {
            settings.putAll(BrokerAccess.kommunSettings(code));
        }
        return settings;
    }

    /** The {@code <security-settings>} element of broker.xml for these settings. */
    static String securitySettingsXml(Map<String, Set<Role>> settings) {
        var xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Generated by StandaloneBrokerConfig (tools/broker/artemis-broker.sh create) from the registry and
                     BrokerAccess, the embedded broker's table: do not edit, create the instance again. -->
                <security-settings xmlns="urn:activemq:core">
                """);
        settings.forEach((match, roles) -> {
            xml.append("   <security-setting match=\"").append(match).append("\">\n");
            PERMISSIONS.forEach((permission, granted) -> {
                var names = new TreeSet<String>();
                roles.stream().filter(granted).map(Role::getName).forEach(names::add);
                if (!names.isEmpty()) {
                    xml.append("      <permission type=\"").append(xmlName(permission)).append("\" roles=\"")
                            .append(String.join(",", names)).append("\"/>\n");
                }
            });
            xml.append("   </security-setting>\n");
        });
        return xml.append("</security-settings>\n").toString();
    }

    /** The {@code <addresses>} element of broker.xml: the hub's queues, then each municipality's two. */
    static String addressesXml(List<String> kommunCodes) {
        var xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Generated by StandaloneBrokerConfig (tools/broker/artemis-broker.sh create) from Queues and the
                     registry, the queues the embedded broker creates: do not edit, create the instance again. -->
                <addresses xmlns="urn:activemq:core">
                """);
        var queues = new ArrayList<>(Queues.hubQueues());
        for (String code : kommunCodes) {
            queues.add(Queues.kommunIn(code));
            queues.add(Queues.kommunOut(code));
        }
        for (String queue : queues) {
            xml.append("   <address name=\"").append(queue).append("\"><anycast><queue name=\"").append(queue)
                    .append("\"/></anycast></address>\n");
        }
        return xml.append("</addresses>\n").toString();
    }

    /** {@code CREATE_DURABLE_QUEUE} → {@code createDurableQueue}. */
    static String xmlName(Permission permission) {
        var name = new StringBuilder();
        for (String word : permission.name().toLowerCase(java.util.Locale.ROOT).split("_")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }

    /**
     * The broker's users: the hub, the admin, and every municipality that has a password. {@code environment}
     * is asked for {@code NAV_BROKER_HUB_PASSWORD} and {@code NAV_BROKER_ADMIN_PASSWORD}.
     */
    static List<BrokerUser> users(List<String> kommunCodes, Properties credentials, String hubUser, String adminUser,
            Function<String, String> environment, boolean allowDevelopmentPasswords) {
        var users = new ArrayList<BrokerUser>();
        users.add(required(hubUser, BrokerAccess.HUB_ROLE, "NAV_BROKER_HUB_PASSWORD", credentials, environment));
        users.add(required(adminUser, BrokerAccess.ADMIN_ROLE, "NAV_BROKER_ADMIN_PASSWORD", credentials, environment));
        var missing = new ArrayList<String>();
        for (String code : kommunCodes) {
            String user = BrokerAccess.kommunUser(code);
            String password = credentials.getProperty(user);
            if (password == null || password.isBlank()) {
                missing.add(user);
            } else {
                users.add(new BrokerUser(user, user, password.strip()));
            }
        }
        if (!missing.isEmpty()) {
            System.err.println("No password in the credentials file, so no broker user (they cannot connect): "
                    + String.join(", ", missing));
        }
        if (!allowDevelopmentPasswords) {
            for (BrokerUser user : users) {
                if (user.password().equals(BrokerCredentials.developmentPassword(user.name()))) {
                    throw new IllegalArgumentException("Broker user " + user.name() + " has its development password;"
                            + " only tests may pass --allow-development-passwords");
                }
            }
        }
        return users;
    }

    private static BrokerUser required(String user, String role, String variable, Properties credentials,
            Function<String, String> environment) {
        String password = environment.apply(variable);
        if (password == null || password.isBlank()) {
            password = credentials.getProperty(user);
        }
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("Broker user " + user + " (role " + role + ") has no password: set "
                    + variable + " or a line " + user + "=… in the credentials file");
        }
        return new BrokerUser(user, role, password.strip());
    }

    /** {@code artemis-users.properties}: every password one-way hashed ({@code ENC(iterations:salt:hash)}). */
    static String usersFile(List<BrokerUser> users) throws Exception {
        DefaultSensitiveStringCodec codec = PasswordMaskingUtil.getDefaultCodec(
                Map.of(DefaultSensitiveStringCodec.ALGORITHM, DefaultSensitiveStringCodec.ONE_WAY));
        var file = new StringBuilder("# Generated by StandaloneBrokerConfig: user = hashed password\n");
        for (BrokerUser user : users) {
            String stored = PasswordMaskingUtil.isEncMasked(user.password()) ? user.password()
                    : PasswordMaskingUtil.wrap(codec.encode(user.password()));
            file.append(user.name()).append(" = ").append(stored).append('\n');
        }
        return file.toString();
    }

    /** {@code artemis-roles.properties}: {@code role = user,user}. */
    static String rolesFile(List<BrokerUser> users) {
        var byRole = new LinkedHashMap<String, List<String>>();
        users.forEach(user -> byRole.computeIfAbsent(user.role(), role -> new ArrayList<>()).add(user.name()));
        var file = new StringBuilder("# Generated by StandaloneBrokerConfig: role = users\n");
        byRole.forEach((role, names) -> file.append(role).append(" = ").append(String.join(",", names)).append('\n'));
        return file.toString();
    }

    public static void main(String[] args) throws Exception {
        try {
            write(options(args));
        } catch (IllegalArgumentException | InvalidRegistryException | java.io.UncheckedIOException e) {
            System.err.println("StandaloneBrokerConfig: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void write(Map<String, String> options) throws Exception {
        Path registry = Path.of(option(options, "--registry"));
        Path etc = Path.of(option(options, "--etc"));
        String credentialsFile = option(options, "--credentials-file");
        List<String> codes = new RegistryLoader().load(registry).municipalities().stream().map(Municipality::code).toList();
        List<BrokerUser> users = users(codes, BrokerCredentials.readFile(credentialsFile),
                options.getOrDefault("--hub-user", "hub"), options.getOrDefault("--admin-user", "admin"),
                System::getenv, options.containsKey("--allow-development-passwords"));

        Files.writeString(etc.resolve(ADDRESSES_FILE), addressesXml(codes), StandardCharsets.UTF_8);
        Files.writeString(etc.resolve(SECURITY_SETTINGS_FILE), securitySettingsXml(securitySettings(codes)),
                StandardCharsets.UTF_8);
        writePrivate(etc.resolve(USERS_FILE), usersFile(users));
        writePrivate(etc.resolve(ROLES_FILE), rolesFile(users));
        System.out.println("broker addresses and security written: " + codes.size() + " municipalities of " + registry + ", "
                + users.size() + " users (passwords hashed)");
    }

    private static Map<String, String> options(String[] args) {
        var options = new LinkedHashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--allow-development-passwords")) {
                options.put(args[i], "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException("usage: --registry FILE --credentials-file FILE --etc DIR"
                        + " [--hub-user hub] [--admin-user admin] [--allow-development-passwords]; not understood: "
                        + args[i]);
            }
        }
        return options;
    }

    private static String option(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
