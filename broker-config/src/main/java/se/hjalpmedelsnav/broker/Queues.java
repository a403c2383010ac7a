package se.hjalpmedelsnav.broker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import se.hjalpmedelsnav.mappings.message.MessageType;

/**
 * The broker addresses of the hub, one source for the embedded broker, a standalone broker's generated
 * {@code hub-addresses.xml} ({@link StandaloneBrokerConfig}), the stages and the admin API. All are anycast
 * queues with the same name as their address. Each queue a stage consumes has the dead-letter queue the
 * stage parks on ({@link #deadLetterQueueOf}).
 */
public final class Queues {

    /** Accepted messages waiting for delivery to the supplier, one queue per type. */
    public static final String ORDER_TO_SUPPLIER = "nav.internal.order.supplier";
    public static final String RETURN_TO_SUPPLIER = "nav.internal.return.supplier";
    public static final String FAULT_REPORT_TO_SUPPLIER = "nav.internal.fault-report.supplier";
    /** Accepted incident reports, waiting to be handed to their two recipients. */
    public static final String INCIDENT_REPORTS = "nav.internal.incident.reports";
    /** Incident reports waiting for delivery to Läkemedelsverket's channel, and their copies for the manufacturer. */
    public static final String INCIDENT_TO_AUTHORITY = "nav.internal.incident.authority";
    public static final String INCIDENT_TO_MANUFACTURER = "nav.internal.incident.manufacturer";
    /** Events from the supplier (webhook, status files) waiting to be translated for the municipality. */
    public static final String SUPPLIER_EVENTS = "nav.internal.supplier.events";
    /** Messages a stage gave up on, with the reason in {@link MessageProperties#FAILURE_REASON}. */
    public static final String DLQ_KOMMUN_INTAKE = "nav.dlq.kommun.intake";
    public static final String DLQ_ORDER_TO_SUPPLIER = "nav.dlq.order.supplier";
    public static final String DLQ_RETURN_TO_SUPPLIER = "nav.dlq.return.supplier";
    public static final String DLQ_FAULT_REPORT_TO_SUPPLIER = "nav.dlq.fault-report.supplier";
    public static final String DLQ_SUPPLIER_EVENTS = "nav.dlq.supplier.events";
    public static final String DLQ_INCIDENT_REPORTS = "nav.dlq.incident.reports";
    public static final String DLQ_INCIDENT_TO_AUTHORITY = "nav.dlq.incident.authority";
    public static final String DLQ_INCIDENT_TO_MANUFACTURER = "nav.dlq.incident.manufacturer";
    /** Where the broker itself parks what no stage could handle (a safety net behind the stages' own parking). */
    public static final String DLQ_BROKER = "nav.dlq.broker";
    public static final String EXPIRED = "nav.expired";
    /**
     * Where the retention moves a message parked longer than its period ({@code nav.retention.dead-letters}), with
     * its reason and references and, by default, without its body. Not a dead-letter queue: nothing is replayed
     * from here.
     */
    public static final String EXPIRED_DEAD_LETTERS = "nav.expired.dead-letters";

    private static final Pattern KOMMUN_IN = Pattern.compile("nav\\.kommun\\.[0-9]{4}\\.in");

    /** Each internal stage queue and the dead-letter queue its stage parks on, in the pipeline's order. */
    private static final Map<String, String> STAGE_QUEUES = stageQueues();

    private Queues() {
    }

    private static Map<String, String> stageQueues() {
        var stages = new LinkedHashMap<String, String>();
        stages.put(ORDER_TO_SUPPLIER, DLQ_ORDER_TO_SUPPLIER);
        stages.put(RETURN_TO_SUPPLIER, DLQ_RETURN_TO_SUPPLIER);
        stages.put(FAULT_REPORT_TO_SUPPLIER, DLQ_FAULT_REPORT_TO_SUPPLIER);
        stages.put(SUPPLIER_EVENTS, DLQ_SUPPLIER_EVENTS);
        stages.put(INCIDENT_REPORTS, DLQ_INCIDENT_REPORTS);
        stages.put(INCIDENT_TO_AUTHORITY, DLQ_INCIDENT_TO_AUTHORITY);
        stages.put(INCIDENT_TO_MANUFACTURER, DLQ_INCIDENT_TO_MANUFACTURER);
        return java.util.Collections.unmodifiableMap(stages);
    }

    /** The dead-letter queue of the stage consuming {@code queue}: every municipality's {@code .in} parks on the intake's. */
    public static String deadLetterQueueOf(String queue) {
        if (KOMMUN_IN.matcher(queue).matches()) {
            return DLQ_KOMMUN_INTAKE;
        }
        String deadLetterQueue = STAGE_QUEUES.get(queue);
        if (deadLetterQueue == null) {
            throw new IllegalArgumentException("no stage consumes " + queue);
        }
        return deadLetterQueue;
    }

    /** The queue a replay of a message parked on {@code deadLetterQueue} may go back to, when only one can. */
    public static Optional<String> onlyOriginOf(String deadLetterQueue) {
        List<String> origins = STAGE_QUEUES.entrySet().stream()
                .filter(stage -> stage.getValue().equals(deadLetterQueue)).map(Map.Entry::getKey).toList();
        return origins.size() == 1 ? Optional.of(origins.get(0)) : Optional.empty();
    }

    /** Whether a replay may send to {@code queue}: a stage's queue, or a municipality's {@code .in}. */
    public static boolean isStageQueue(String queue) {
        return queue != null && (STAGE_QUEUES.containsKey(queue) || KOMMUN_IN.matcher(queue).matches());
    }

    /** Every dead-letter queue where a stage parks, then the broker's own. */
    public static List<String> deadLetterQueues() {
        var queues = new ArrayList<String>();
        queues.add(DLQ_KOMMUN_INTAKE);
        STAGE_QUEUES.values().stream().distinct().forEach(queues::add);
        queues.add(DLQ_BROKER);
        return List.copyOf(queues);
    }

    /** Every queue of the hub itself (not the municipalities'): the stages', the dead-letter queues, expiry. */
    public static List<String> hubQueues() {
        var queues = new ArrayList<>(STAGE_QUEUES.keySet());
        queues.addAll(deadLetterQueues());
        queues.add(EXPIRED);
        queues.add(EXPIRED_DEAD_LETTERS);
        return List.copyOf(queues);
    }

    /** Where an accepted message of that type waits for the supplier. */
    public static String toSupplier(MessageType type) {
        return switch (type) {
            // A buffer withdrawal's two orders (registration and refill) wait with the orders.
            case ORDER, BUFFER_WITHDRAWAL -> ORDER_TO_SUPPLIER;
            case RETURN -> RETURN_TO_SUPPLIER;
            case FAULT_REPORT -> FAULT_REPORT_TO_SUPPLIER;
            case INCIDENT_REPORT -> throw new IllegalArgumentException("incident reports do not go to the supplier");
            case LOANS_REQUEST, FOLLOW_UP_DONE -> throw new IllegalArgumentException(type + " is the hub's own to answer");
        };
    }

    /** Where an accepted message of that type goes from the intake. */
    public static String forAccepted(MessageType type) {
        return type == MessageType.INCIDENT_REPORT ? INCIDENT_REPORTS : toSupplier(type);
    }

    public static String kommunIn(String kommunCode) {
        return "nav.kommun." + kommunCode + ".in";
    }

    public static String kommunOut(String kommunCode) {
        return "nav.kommun." + kommunCode + ".out";
    }
}
