package se.hjalpmedelsnav.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.mappings.supplier.SupplierFaultReport;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrder;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderLine;
import se.hjalpmedelsnav.mappings.supplier.SupplierReturn;

/**
 * The supplier's side of the business, in memory: which orders, returns and fault reports it
 * holds, which articles it no longer carries, which device ids it does not know, and how well it
 * is feeling ({@link SimulatorMode}).
 */
@Component("simulatedSupplier")
@ConditionalOnSimulatorEnabled
public class SimulatedSupplier {

    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final SupplierSimulatorProperties properties;
    private final Map<String, ReceivedOrder> orders = new ConcurrentHashMap<>();
    /** The orders that still hold their body, oldest first (guarded by itself). */
    private final Deque<String> withBody = new ArrayDeque<>();
    private final AtomicReference<SimulatorModeSetting> mode = new AtomicReference<>(SimulatorModeSetting.NORMAL);
    private final AtomicLong orderSequence = new AtomicLong();
    private final RequestLedger returns = new RequestLedger("SR-%08d");
    private final RequestLedger faultReports = new RequestLedger("SF-%08d");
    /**
     * The supplier's register of devices out on loan: device id to the 12-digit identity of the user it is lent
     * to, as the handbook's traceability asks. In memory only, like everything the simulator holds.
     */
    private final Map<String, String> deviceHolders = new ConcurrentHashMap<>();

    public SimulatedSupplier(SupplierSimulatorProperties properties) {
        this.properties = properties;
    }

    public SimulatorModeSetting mode() {
        return mode.get();
    }

    public void switchTo(SimulatorModeSetting setting) {
        mode.set(setting);
    }

    /**
     * Takes an order in. The first receipt of an orderId decides: accepted with a new supplier
     * order id, or rejected for articles the supplier does not carry. A repeat only counts.
     */
    public ReceivedOrder receive(SupplierOrder order, JsonNode asReceived) {
        ReceivedOrder received = orders.compute(order.orderId(), (orderId, earlier) -> earlier != null
                ? earlier.receivedAgain()
                : firstReceipt(order, asReceived));
        if (received.firstReceipt()) {
            synchronized (withBody) {
                withBody.addLast(received.orderId());
                while (withBody.size() > properties.bodiesKept()) {
                    orders.computeIfPresent(withBody.removeFirst(), (orderId, held) -> held.withoutBody());
                }
            }
        }
        return received;
    }

    private ReceivedOrder firstReceipt(SupplierOrder order, JsonNode asReceived) {
        List<String> unknownArticles = order.lines().stream()
                .map(SupplierOrderLine::articleNumber)
                .filter(properties.withdrawnArticles()::contains)
                .distinct()
                .toList();
        String supplierOrderId = unknownArticles.isEmpty()
                ? "SO-%08d".formatted(orderSequence.incrementAndGet())
                : null;
        return new ReceivedOrder(order.orderId(), supplierOrderId, unknownArticles, 1, OffsetDateTime.now(SWEDEN),
                asReceived.toString());
    }

    public List<ReceivedOrder> receivedOrders() {
        return orders.values().stream().sorted(Comparator.comparing(ReceivedOrder::firstReceivedAt)).toList();
    }

    /** How many orders reached the supplier, how many POSTs repeated one, and when the first and the last arrived. */
    public ReceivedOrdersSummary receivedOrdersSummary() {
        var received = List.copyOf(orders.values());
        return new ReceivedOrdersSummary(received.size(),
                received.stream().mapToInt(order -> order.receivedCount() - 1).sum(),
                received.stream().map(ReceivedOrder::firstReceivedAt).min(Comparator.naturalOrder()).orElse(null),
                received.stream().map(ReceivedOrder::firstReceivedAt).max(Comparator.naturalOrder()).orElse(null));
    }

    public Optional<ReceivedOrder> receivedOrder(String orderId) {
        return Optional.ofNullable(orderId).map(orders::get);
    }

    public void forgetOrders() {
        synchronized (withBody) {
            orders.clear();
            withBody.clear();
        }
        deviceHolders.clear();
    }

    /** Takes a return in; rejected at first receipt when it names a device id the supplier does not know. */
    public ReceivedRequest receive(SupplierReturn supplierReturn, JsonNode asReceived) {
        return returns.receive(supplierReturn.returnId(), unknownDevices(supplierReturn.deviceIds()), asReceived);
    }

    /** Takes a fault report in; rejected at first receipt when its device id is one the supplier does not know. */
    public ReceivedRequest receive(SupplierFaultReport faultReport, JsonNode asReceived) {
        return faultReports.receive(faultReport.faultReportId(), unknownDevices(List.of(faultReport.deviceId())),
                asReceived);
    }

    private List<String> unknownDevices(List<String> deviceIds) {
        return deviceIds.stream().filter(properties.unknownDevices()::contains).distinct().toList();
    }

    /**
     * Registers each delivered device on the user the order named (over the API its recipient, in a Peppol
     * Order the lines' end-user property); an order naming no user registers nothing.
     */
    public void registerDelivered(SupplierOrder order, List<String> deviceIds) {
        String holder = order.recipient() == null ? null : order.recipient().personalIdentityNumber();
        if (holder == null || holder.isBlank()) {
            return;
        }
        deviceIds.forEach(deviceId -> deviceHolders.put(deviceId, holder));
    }

    /** The identity number of the user a device is registered on, if the supplier delivered it. */
    public Optional<String> holderOf(String deviceId) {
        return Optional.ofNullable(deviceId).map(deviceHolders::get);
    }

    public List<ReceivedRequest> receivedReturns() {
        return returns.all();
    }

    public Optional<ReceivedRequest> receivedReturn(String returnId) {
        return returns.find(returnId);
    }

    public void forgetReturns() {
        returns.forget();
    }

    public List<ReceivedRequest> receivedFaultReports() {
        return faultReports.all();
    }

    public Optional<ReceivedRequest> receivedFaultReport(String faultReportId) {
        return faultReports.find(faultReportId);
    }

    public void forgetFaultReports() {
        faultReports.forget();
    }
}
