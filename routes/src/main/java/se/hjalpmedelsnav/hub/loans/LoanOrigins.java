package se.hjalpmedelsnav.hub.loans;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.hub.intake.AcceptedMessageRecord;
import se.hjalpmedelsnav.mappings.fault.FaultReportMessage;
import se.hjalpmedelsnav.mappings.message.KommunMessage;
import se.hjalpmedelsnav.mappings.order.DeviceForUserMessage;
import se.hjalpmedelsnav.mappings.order.OrderMessage;
import se.hjalpmedelsnav.mappings.returns.ReturnMessage;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * What the loan register keeps of an accepted order, buffer withdrawal, return or fault report, in the receipt's transaction: the
 * supplier's events name only the hub reference (and device ids), and the hub keeps no body. The user of an order
 * only as a {@link UserPseudonym}, protected or not.
 */
@Component
public class LoanOrigins implements AcceptedMessageRecord {

    private final LoanRegister register;
    private final UserPseudonym pseudonym;

    public LoanOrigins(LoanRegister register, UserPseudonym pseudonym) {
        this.register = register;
        this.pseudonym = pseudonym;
    }

    @Override
    public void accepted(KommunMessage message, String hubReference, OffsetDateTime receivedAt) {
        LoanOrigin origin = null;
        if (message instanceof DeviceForUserMessage forUser) {
            origin = ofDevicesForUser(forUser, hubReference);
        } else if (message instanceof ReturnMessage returned) {
            origin = new LoanOrigin(hubReference, returned.kommunCode(), returned.type().name(),
                    returned.customerNumber(), null, null, null, null, List.of(), returned.deviceIds());
        } else if (message instanceof FaultReportMessage fault) {
            origin = new LoanOrigin(hubReference, fault.kommunCode(), fault.type().name(), fault.customerNumber(),
                    null, null, null, null, List.of(), List.of(fault.deviceId()));
        }
        if (origin != null) {
            register.recordOrigin(origin, receivedAt);
        }
    }

    /** An order, or a buffer withdrawal (one device handed out: its registration's DELIVERED names that device). */
    private LoanOrigin ofDevicesForUser(DeviceForUserMessage message, String hubReference) {
        LocalDate ordered = message.sentAt().atZoneSameInstant(RuleContext.SWEDISH_TIME).toLocalDate();
        String user = message.recipient() == null ? null
                : pseudonym.of(message.recipient().personalIdentityNumber(), ordered).orElse(null);
        var decision = message.decision();
        List<LoanOrigin.Line> lines = message instanceof OrderMessage order
                ? order.lines().stream().map(line -> new LoanOrigin.Line(line.articleNumber(), line.quantity())).toList()
                : message.articleFields().stream().map(article -> new LoanOrigin.Line(article.articleNumber(), 1)).toList();
        return new LoanOrigin(hubReference, message.kommunCode(), message.type().name(), message.customerNumber(),
                decision == null ? null : decision.reference(), user,
                decision == null ? null : decision.validTo(), decision == null ? null : decision.followUpDate(),
                lines, List.of());
    }
}
