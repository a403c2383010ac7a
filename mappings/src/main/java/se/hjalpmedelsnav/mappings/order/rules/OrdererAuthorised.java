package se.hjalpmedelsnav.mappings.order.rules;

import java.util.List;
import java.util.Optional;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.DeviceForUserMessage;
import se.hjalpmedelsnav.mappings.registry.ProductArea;
import se.hjalpmedelsnav.mappings.rules.MessageRule;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * The orderer's profession must be one of those the product area's produktanvisning allows to order, for each
 * article of the message. Articles that are not orderable are {@link ArticleOrderable}'s to report.
 */
public final class OrdererAuthorised implements MessageRule<DeviceForUserMessage> {

    @Override
    public List<ContractError> check(DeviceForUserMessage message, RuleContext context) {
        String role = message.orderer() == null ? null : message.orderer().role();
        return message.articleFields().stream()
                .filter(article -> {
                    Optional<ProductArea> area = context.registry().article(article.articleNumber())
                            .flatMap(found -> context.registry().productArea(found.productArea()));
                    return area.isPresent() && !area.get().allowsRole(role);
                })
                .map(article -> ContractError.of(ErrorCode.ORDERER_NOT_AUTHORISED, article.field(),
                        "The orderer's role (orderer.role) may not order from this article's product area; its "
                                + "produktanvisning names the professions that may."))
                .toList();
    }
}
