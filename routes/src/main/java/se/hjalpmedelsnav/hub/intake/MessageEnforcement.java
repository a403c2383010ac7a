package se.hjalpmedelsnav.hub.intake;

import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.mappings.fault.FaultReportMessage;
import se.hjalpmedelsnav.mappings.fault.FaultReportRules;
import se.hjalpmedelsnav.mappings.incident.IncidentReportMessage;
import se.hjalpmedelsnav.mappings.incident.IncidentReportRules;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.order.OrderMessage;
import se.hjalpmedelsnav.mappings.order.OrderRules;
import se.hjalpmedelsnav.mappings.registry.Registry;
import se.hjalpmedelsnav.mappings.registry.RegistrySource;
import se.hjalpmedelsnav.mappings.returns.ReturnMessage;
import se.hjalpmedelsnav.mappings.returns.ReturnRules;

/**
 * The handbook's rules for each message type, checked against the registry in force when the
 * message arrives. A message type the contract knows but this hub has no flow for yet is refused
 * here, so nothing is accepted that cannot be delivered.
 */
@Component
public class MessageEnforcement {

    /** The receipt's reminder when a fault report concerns an injury or risk with a medical device. */
    public static final String INCIDENT_REPORT_DUE = "The fault concerns an injury or a risk with a medical device: "
            + "an incident report to Läkemedelsverket and the manufacturer is due without delay (HSLF-FS 2021:52, "
            + "chapter 5). Send it as an INCIDENT_REPORT.";

    private final OrderRules orderRules = new OrderRules();
    private final ReturnRules returnRules = new ReturnRules();
    private final FaultReportRules faultReportRules = new FaultReportRules();
    private final IncidentReportRules incidentReportRules = new IncidentReportRules();
    private final RegistrySource registry;
    private final Set<MessageType> handled;

    public MessageEnforcement(RegistrySource registry,
            @Value("${nav.intake.handled-types:ORDER,RETURN,FAULT_REPORT,INCIDENT_REPORT}") Set<MessageType> handled) {
        this.registry = registry;
        this.handled = Set.copyOf(handled);
    }

    public Intake enforce(Intake intake) {
        if (intake.message() == null) {
            return intake;
        }
        if (!handled.contains(intake.message().type())) {
            return intake.withErrors(List.of(ContractError.of(ErrorCode.UNKNOWN_MESSAGE_TYPE, "type",
                    "This hub does not handle this message type yet; it handles "
                            + handled.stream().map(Enum::name).sorted().toList() + ".")));
        }
        Registry current = registry.current();
        String queue = intake.queueKommunCode();
        if (intake.message() instanceof OrderMessage order) {
            return intake.withErrors(orderRules.check(order, OrderRules.contextFor(order, queue, current)));
        }
        if (intake.message() instanceof ReturnMessage returned) {
            return intake.withErrors(returnRules.check(returned, ReturnRules.contextFor(returned, queue, current)));
        }
        if (intake.message() instanceof FaultReportMessage fault) {
            Intake checked = intake.withErrors(
                    faultReportRules.check(fault, FaultReportRules.contextFor(fault, queue, current)));
            return faultReportRules.incidentReportDue(fault, current) ? checked.withNotice(INCIDENT_REPORT_DUE) : checked;
        }
        if (intake.message() instanceof IncidentReportMessage incident) {
            return intake.withErrors(incidentReportRules.check(incident,
                    IncidentReportRules.contextFor(incident, queue, current)));
        }
        return intake;
    }
}
