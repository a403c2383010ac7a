package se.hjalpmedelsnav.hub.loans;

import java.time.LocalDate;
import java.util.List;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.hub.intake.Intake;
import se.hjalpmedelsnav.hub.stage.KommunEvents.KommunEvent;
import se.hjalpmedelsnav.mappings.loans.LoansRequestMessage;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * A municipality's LOANS_REQUEST, accepted by the intake's rules, answered from the loan register: only the loans of
 * the municipality whose queue it came on, narrowed to the customer number it names (which a private contractor must
 * name, and its agreement cover). Answered in the intake's transaction, after the receipt, also with an empty list;
 * a resent messageId (a flagged duplicate) gets its receipt again and no second answer.
 */
@Component
public class LoanQuestions {

    private static final Logger log = LoggerFactory.getLogger(LoanQuestions.class);

    private final LoanRegister register;
    private final UserPseudonym pseudonym;

    public LoanQuestions(LoanRegister register, UserPseudonym pseudonym) {
        this.register = register;
        this.pseudonym = pseudonym;
    }

    /** Whether the intake's message is a LOANS_REQUEST to answer now. */
    public static boolean toAnswer(Exchange exchange) {
        Intake intake = exchange.getMessage().getBody(Intake.class);
        return intake != null && intake.accepted() && intake.message() instanceof LoansRequestMessage
                && !intake.receipt().duplicate();
    }

    public KommunEvent answer(Intake intake) {
        LoansRequestMessage request = (LoansRequestMessage) intake.message();
        String kommun = intake.queueKommunCode();
        List<Loan> loans;
        if (request.personalIdentityNumber() != null) {
            LocalDate asked = request.sentAt().atZoneSameInstant(RuleContext.SWEDISH_TIME).toLocalDate();
            loans = pseudonym.of(request.personalIdentityNumber(), asked)
                    .map(user -> register.find(new LoanQuery(kommun, request.customerNumber(), user, null, null)))
                    .orElse(List.of());
        } else {
            loans = register.find(new LoanQuery(kommun, request.customerNumber(), null, request.decisionReference(),
                    request.deviceId()));
        }
        log.info("LOANS_REQUEST {} of {} answered with {} loan(s)", intake.hubReference(), kommun, loans.size());
        return new KommunEvent(kommun, LoansAnswer.TYPE, intake.messageId(), intake.hubReference(),
                LoansAnswer.of(intake.messageId(), loans, intake.receivedAt()));
    }
}
