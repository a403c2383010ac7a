package se.hjalpmedelsnav.hub.loans;

import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.hub.intake.KommunIntakeRoutes;
import se.hjalpmedelsnav.hub.stage.KommunEvents;
import se.hjalpmedelsnav.hub.stage.StageRouteBuilder;

/**
 * The answer to a LOANS_REQUEST: a leg of the intake ({@code kommun-intake} multicasts to it after the receipt), in
 * the intake's thread and JMS transaction; its failure is the intake's to retry and park.
 */
@Component
public class LoanRoutes extends StageRouteBuilder {

    @Override
    public void configure() {
        // The intake hands every message it has recorded here; only an accepted LOANS_REQUEST is answered.
        from(KommunIntakeRoutes.ANSWER).routeId("loans-answer")
                .errorHandler(noErrorHandler())
                .filter(LoanQuestions::toAnswer)
                    .bean(LoanQuestions.class, "answer").id("answer-loans")
                    .to(KommunEvents.OUT)
                .end();
    }
}
