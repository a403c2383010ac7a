package se.hjalpmedelsnav.mappings.order.rules;

import java.util.List;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.DeviceForUserMessage;
import se.hjalpmedelsnav.mappings.registry.Registry;
import se.hjalpmedelsnav.mappings.rules.MessageRule;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * Every article of the message (each order line's, a buffer withdrawal's) must be in the assortment, in a product
 * area the registry knows: without one nobody can say who may order it.
 */
public final class ArticleOrderable implements MessageRule<DeviceForUserMessage> {

    @Override
    public List<ContractError> check(DeviceForUserMessage message, RuleContext context) {
        return message.articleFields().stream()
                .filter(article -> !isOrderable(context.registry(), article.articleNumber()))
                .map(article -> ContractError.of(ErrorCode.ARTICLE_NOT_ORDERABLE, article.field(),
                        "The article is not in the orderable assortment; check the article number against the "
                                + "supplier's current assortment."))
                .toList();
    }

    static boolean isOrderable(Registry registry, String articleNumber) {
        return registry.article(articleNumber)
                .flatMap(article -> registry.productArea(article.productArea()))
                .isPresent();
    }
}
