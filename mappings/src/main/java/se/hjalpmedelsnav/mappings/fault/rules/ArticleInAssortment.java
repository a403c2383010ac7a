package se.hjalpmedelsnav.mappings.fault.rules;

import java.util.List;
import se.hjalpmedelsnav.mappings.fault.FaultReportMessage;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.rules.MessageRule;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * The faulty device's article must be in the assortment: the supplier repairs only what it supplies,
 * and the assortment says whether the article is a medical device. The contract has no code of its own
 * for this, so it is reported as {@link ErrorCode#ARTICLE_NOT_ORDERABLE} with a message saying why.
 */
public final class ArticleInAssortment implements MessageRule<FaultReportMessage> {

    @Override
    public List<ContractError> check(FaultReportMessage message, RuleContext context) {
        if (context.registry().article(message.articleNumber()).isPresent()) {
            return List.of();
        }
        return List.of(ContractError.of(ErrorCode.ARTICLE_NOT_ORDERABLE, "articleNumber",
                "The article is not in the supplier's assortment; check the article number on the device's label."));
    }
}
