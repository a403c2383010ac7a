package se.hjalpmedelsnav.hub.broker;

import jakarta.jms.JMSSecurityException;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.slf4j.LoggerFactory;

/**
 * What one broker user was allowed and refused, and whatever did not go as the rules say. A refusal counts
 * only when the broker says so with a security error naming the permission (AMQP
 * {@code amqp:unauthorized-access}, which Qpid JMS raises as {@link JMSSecurityException}; CORE
 * {@link ActiveMQSecurityException}); any other failure is wrong. Shared by the embedded broker's
 * {@code BrokerAccessMatrixTest} and the standalone broker's {@code StandaloneBrokerSecurityIT}.
 */
public final class AccessCounter {

    /** One operation against the broker. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    private final String user;
    private int allowed;
    private int refused;
    private final List<String> wrong = new ArrayList<>();

    public AccessCounter(String user) {
        this.user = user;
    }

    public void expectRefused(String what, String permission, Check check) {
        try {
            check.run();
            wrong.add(user + " was ALLOWED to " + what);
        } catch (JMSSecurityException | ActiveMQSecurityException e) {
            if (e.getMessage() != null && e.getMessage().contains("permission='" + permission + "'")) {
                refused++;
            } else {
                wrong.add(user + " refused " + what + " for another reason than " + permission + ": " + e.getMessage());
            }
        } catch (Exception e) {
            wrong.add(user + " failed to " + what + " without a security error: " + e);
        }
    }

    public void expectAllowed(String what, Check check) {
        try {
            check.run();
            allowed++;
        } catch (Exception e) {
            wrong.add(user + " could not " + what + ": " + e);
        }
    }

    /** Something allowed that the caller did and checked itself. */
    public void countAllowed() {
        allowed++;
    }

    /** Something refused by the broker that the caller tried and checked itself. */
    public void countRefused() {
        refused++;
    }

    /** Something that did not go as the rules say; the user is named in front of it. */
    public void wrong(String what) {
        wrong.add(user + " " + what);
    }

    public int allowed() {
        return allowed;
    }

    public int refused() {
        return refused;
    }

    public List<String> wrong() {
        return wrong;
    }

    /**
     * Qpid JMS warns about every refused link; the refusals are what the access tests want. Closing the
     * returned handle restores the level.
     */
    public static AutoCloseable quietRefusedLinkWarnings() {
        var qpidLinks = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.qpid.jms.provider.amqp.builders");
        var level = qpidLinks.getLevel();
        qpidLinks.setLevel(ch.qos.logback.classic.Level.ERROR);
        return () -> qpidLinks.setLevel(level);
    }
}
