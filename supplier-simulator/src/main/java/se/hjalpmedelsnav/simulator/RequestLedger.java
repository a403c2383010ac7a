package se.hjalpmedelsnav.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulated supplier holds of one kind of request (returns, fault reports), by the hub's
 * reference. The first receipt of a reference decides: accepted with a new supplier id, or
 * rejected for device ids the supplier does not know. A repeat only counts.
 */
final class RequestLedger {

    private final String idFormat;
    private final Map<String, ReceivedRequest> received = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    /** @param idFormat how the supplier's ids look, e.g. {@code SR-%08d} */
    RequestLedger(String idFormat) {
        this.idFormat = idFormat;
    }

    ReceivedRequest receive(String reference, List<String> unknownDevices, JsonNode asReceived) {
        return received.compute(reference, (key, earlier) -> earlier != null
                ? earlier.receivedAgain()
                : new ReceivedRequest(reference,
                        unknownDevices.isEmpty() ? idFormat.formatted(sequence.incrementAndGet()) : null,
                        unknownDevices, 1, OffsetDateTime.now(SimulatedSupplier.SWEDEN), asReceived.toString()));
    }

    List<ReceivedRequest> all() {
        return received.values().stream().sorted(Comparator.comparing(ReceivedRequest::firstReceivedAt)).toList();
    }

    Optional<ReceivedRequest> find(String reference) {
        return Optional.ofNullable(reference).map(received::get);
    }

    void forget() {
        received.clear();
    }
}
