package se.hjalpmedelsnav.hub.loans;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.camel.Body;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.hub.tracking.TrackedMessage;
import se.hjalpmedelsnav.mappings.buffer.BufferStoreOrders;
import se.hjalpmedelsnav.hub.tracking.TrackingStore;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;
import se.hjalpmedelsnav.mappings.registry.ProductArea;
import se.hjalpmedelsnav.mappings.registry.RegistrySource;
import se.hjalpmedelsnav.mappings.supplier.SupplierEvent;
import se.hjalpmedelsnav.mappings.supplier.SupplierFaultReportStatus;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderStatus;
import se.hjalpmedelsnav.mappings.supplier.SupplierReturnStatus;

/**
 * The loan register from the supplier's events, a step of the {@code supplier-events} stage before the event is
 * passed on: DELIVERED (of an order of the municipality's or one the supplier took outside the hub) lends its
 * devices, PICKED_UP and LOST_REGISTERED end the loans of a return's devices, DEVICE_REPLACED moves a loan to the new
 * device (a buffer store's refill lends nothing: its device goes on the shelf). Idempotent ({@link LoanRegister}): a redelivered or replayed event changes nothing more. An event for a
 * message the hub does not know is left to the next step, which parks it.
 */
@Component
public class LoanEvents {

    private static final Logger log = LoggerFactory.getLogger(LoanEvents.class);
    private static final java.util.Set<se.hjalpmedelsnav.mappings.supplier.SupplierEventStatus> LOAN_STATUSES = java.util.Set.of(SupplierOrderStatus.DELIVERED,
            SupplierReturnStatus.PICKED_UP, SupplierReturnStatus.LOST_REGISTERED, SupplierFaultReportStatus.DEVICE_REPLACED);

    private final TrackingStore tracking;
    private final LoanRegister register;
    private final Clock clock;
    private final ToIntFunction<String> followUpMonths;

    /** Loans whose order gave no follow-up date are followed up after the default interval. */
    public LoanEvents(TrackingStore tracking, LoanRegister register, Clock clock) {
        this(tracking, register, clock, article -> ProductArea.DEFAULT_FOLLOW_UP_MONTHS);
    }

    /** Loans whose order gave no follow-up date are followed up after their product area's interval in the registry. */
    @Autowired
    public LoanEvents(TrackingStore tracking, LoanRegister register, Clock clock, RegistrySource registry) {
        this(tracking, register, clock, article -> registry.current().followUpMonths(article));
    }

    private LoanEvents(TrackingStore tracking, LoanRegister register, Clock clock,
            ToIntFunction<String> followUpMonths) {
        this.tracking = tracking;
        this.register = register;
        this.clock = clock;
        this.followUpMonths = followUpMonths;
    }

    public void record(@Body String eventJson) throws JsonProcessingException {
        SupplierEvent event = KommunMessageMappers.readTrusted(eventJson, SupplierEvent.class);
        if (event.status() == null || event.reference() == null || !LOAN_STATUSES.contains(event.status())) {
            return; // CONFIRMED, BACKORDERED, RECEIVED, …: nothing lent or ended, no look-up
        }
        TrackedMessage tracked = tracking.byHubReference(event.reference()).orElse(null);
        if (tracked == null || BufferStoreOrders.isRefill(tracked.messageId())) {
            return; // a buffer store's refill: its device goes on the shelf, lent to nobody
        }
        OffsetDateTime at = event.occurredAt() != null ? event.occurredAt() : OffsetDateTime.now(clock);
        String kommun = tracked.kommunCode();
        String reference = tracked.hubReference();
        int changed = 0;
        if (event.status() == SupplierOrderStatus.DELIVERED) {
            changed = register.lend(kommun, reference, tracked.customerNumber(), event.deviceIds(), at, followUpMonths);
        } else if (event.status() == SupplierReturnStatus.PICKED_UP) {
            changed = register.end(kommun, devicesOf(reference), LoanState.RETURNED, reference, at);
        } else if (event.status() == SupplierReturnStatus.LOST_REGISTERED) {
            changed = register.end(kommun, devicesOf(reference), LoanState.LOST, reference, at);
        } else if (event.status() == SupplierFaultReportStatus.DEVICE_REPLACED) {
            List<String> faulty = devicesOf(reference);
            if (!faulty.isEmpty()) {
                changed = register.replace(kommun, faulty.get(0), event.deviceIds(), reference, at);
            }
        } else {
            return;
        }
        // DEBUG: the journey and the register itself show it; at INFO it was one more line per delivered order.
        log.debug("Loan register: {} of {} changed {} loan(s)", reference, kommun, changed);
    }

    private List<String> devicesOf(String hubReference) {
        return register.origin(hubReference).map(LoanOrigin::deviceIds).orElse(List.of());
    }
}
