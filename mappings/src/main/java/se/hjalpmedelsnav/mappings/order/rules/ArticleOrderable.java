package se.hjalpmedelsnav.mappings.order.rules;

import java.util.ArrayList;
import java.util.List;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.OrderLine;
import se.hjalpmedelsnav.mappings.order.OrderMessage;
import se.hjalpmedelsnav.mappings.registry.Registry;
import se.hjalpmedelsnav.mappings.rules.MessageRule;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * Every line's article must be in the assortment, in a product area the registry knows: without one
 * nobody can say who may order it.
 */
public final class ArticleOrderable implements MessageRule<OrderMessage> {

    @Override
    public List<ContractError> check(OrderMessage order, RuleContext context) {
        List<OrderLine> lines = order.lines() == null ? List.of() : order.lines();
        List<ContractError> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String articleNumber = lines.get(i) == null ? null : lines.get(i).articleNumber();
            if (!isOrderable(context.registry(), articleNumber)) {
                errors.add(ContractError.of(ErrorCode.ARTICLE_NOT_ORDERABLE, "lines[" + i + "].articleNumber",
                        "The article is not in the orderable assortment; check the article number against the "
                                + "supplier's current assortment."));
            }
        }
        return errors;
    }

    static boolean isOrderable(Registry registry, String articleNumber) {
        return registry.article(articleNumber)
                .flatMap(article -> registry.productArea(article.productArea()))
                .isPresent();
    }
}
