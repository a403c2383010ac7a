package se.hjalpmedelsnav.hub.resilience;

import java.util.Map;
import java.util.TreeMap;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;

/**
 * What the broker itself says about its queues, asked over CORE management (the broker's
 * {@code activemq.management} address) as an operator's tool would: every queue with the messages it holds,
 * those waiting for redelivery and those being delivered included.
 */
final class BrokerQueues {

    private BrokerQueues() {
    }

    /** Messages per queue name, for every queue of the broker. */
    static Map<String, Long> messageCounts(int port, String user, String password) throws Exception {
        var counts = new TreeMap<String, Long>();
        try (ServerLocator locator = ActiveMQClient.createServerLocator("tcp://127.0.0.1:" + port);
                ClientSessionFactory factory = locator.createSessionFactory();
                ClientSession session = factory.createSession(user, password, false, true, true, false, 1)) {
            session.start();
            try (ClientRequestor requestor = new ClientRequestor(session, "activemq.management")) {
                ClientMessage names = session.createMessage(false);
                ManagementHelper.putOperationInvocation(names, ResourceNames.BROKER, "getQueueNames");
                Object[] queues = (Object[]) ManagementHelper.getResult(requestor.request(names, 30_000));
                for (Object queue : queues) {
                    ClientMessage count = session.createMessage(false);
                    ManagementHelper.putAttribute(count, ResourceNames.QUEUE + queue, "messageCount");
                    Object result = ManagementHelper.getResult(requestor.request(count, 30_000));
                    counts.put(queue.toString(), ((Number) result).longValue());
                }
            }
        }
        return counts;
    }

    /** The hub's own queues that must be empty once everything is delivered: internal, dead-letter, expiry, intake. */
    static Map<String, Long> leftOnHubQueues(Map<String, Long> counts) {
        var left = new TreeMap<String, Long>();
        counts.forEach((queue, count) -> {
            boolean hubs = queue.startsWith("nav.internal.") || queue.startsWith("nav.dlq.")
                    || queue.equals("nav.expired") || (queue.startsWith("nav.kommun.") && queue.endsWith(".in"));
            if (hubs && count > 0) {
                left.put(queue, count);
            }
        });
        return left;
    }
}
