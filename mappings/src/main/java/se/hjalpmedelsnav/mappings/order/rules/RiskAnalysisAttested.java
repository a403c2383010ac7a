package se.hjalpmedelsnav.mappings.order.rules;

import java.util.List;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.DeviceForUserMessage;
import se.hjalpmedelsnav.mappings.rules.MessageRule;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/** The orderer must attest that the individual risk analysis was made before ordering. */
public final class RiskAnalysisAttested implements MessageRule<DeviceForUserMessage> {

    @Override
    public List<ContractError> check(DeviceForUserMessage order, RuleContext context) {
        if (Boolean.TRUE.equals(order.riskAnalysisDone())) {
            return List.of();
        }
        return List.of(ContractError.of(ErrorCode.RISK_ANALYSIS_MISSING, "riskAnalysisDone",
                "An individual risk analysis must be made before ordering; send riskAnalysisDone true once it is."));
    }
}
