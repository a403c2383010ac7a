package se.hjalpmedelsnav.hub.loans;

import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.hub.intake.AcceptedMessageRecord;
import se.hjalpmedelsnav.mappings.loans.FollowUpDoneMessage;
import se.hjalpmedelsnav.mappings.message.KommunMessage;

/**
 * A FOLLOW_UP_DONE the intake accepted moves the follow-up date (and end date) of the loans it covers, in the
 * receipt's database transaction: accepted once, moved once; a resent messageId is a duplicate and moves nothing. The
 * next FOLLOW_UP_DUE then comes at the new date ({@link LoanReminders}). Nothing goes to the supplier.
 */
@Component
public class FollowUps implements AcceptedMessageRecord {

    private static final Logger log = LoggerFactory.getLogger(FollowUps.class);

    private final LoanRegister register;

    public FollowUps(LoanRegister register) {
        this.register = register;
    }

    @Override
    public void accepted(KommunMessage message, String hubReference, OffsetDateTime receivedAt) {
        if (message instanceof FollowUpDoneMessage done) {
            int moved = register.followedUp(done.kommunCode(), done.decisionReference(), done.deviceIds(),
                    done.nextFollowUpDate(), done.validTo(), receivedAt);
            log.info("FOLLOW_UP_DONE {} of {} moved the follow-up of {} loan(s)", hubReference, done.kommunCode(),
                    moved);
        }
    }
}
