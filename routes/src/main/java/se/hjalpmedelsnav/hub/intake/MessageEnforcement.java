package se.hjalpmedelsnav.hub.intake;

import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.mappings.loans.LentLoans;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.message.KommunMessage;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.registry.RegistrySource;
import se.hjalpmedelsnav.mappings.ruletable.MessageRules;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * The handbook's rules for the message's type ({@link MessageRules#handbook()}), checked against the
 * registry in force when the message arrives. A message type the contract knows but this hub is not
 * configured to take is refused here, so nothing is accepted that cannot be delivered.
 */
@Component
public class MessageEnforcement {

    private final MessageRules rules;
    private final RegistrySource registry;
    private final Set<MessageType> handled;

    /** Without a loan register: a FOLLOW_UP_DONE is refused, as no loan is known. */
    public MessageEnforcement(RegistrySource registry, Set<MessageType> handled) {
        this(registry, handled, LentLoans.NONE);
    }

    /** A FOLLOW_UP_DONE is checked against the loan register ({@code loans}). */
    @Autowired
    public MessageEnforcement(RegistrySource registry,
            @Value("${nav.intake.handled-types:ORDER,RETURN,FAULT_REPORT,INCIDENT_REPORT,BUFFER_WITHDRAWAL,LOANS_REQUEST,FOLLOW_UP_DONE}") Set<MessageType> handled,
            LentLoans loans) {
        this.registry = registry;
        this.handled = Set.copyOf(handled);
        this.rules = MessageRules.handbook(loans);
    }

    public Intake enforce(Intake intake) {
        KommunMessage message = intake.message();
        if (message == null) {
            return intake;
        }
        if (!handled.contains(message.type())) {
            return intake.withErrors(List.of(ContractError.of(ErrorCode.UNKNOWN_MESSAGE_TYPE, "type",
                    "This hub does not handle this message type yet; it handles "
                            + handled.stream().map(Enum::name).sorted().toList() + ".")));
        }
        RuleContext context = RuleContext.of(message, intake.queueKommunCode(), registry.current());
        Intake checked = intake.withErrors(rules.check(message, context));
        for (String notice : rules.notices(message, context)) {
            checked = checked.withNotice(notice);
        }
        return checked;
    }
}
