package se.hjalpmedelsnav.mappings.order.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.OrderLine;
import se.hjalpmedelsnav.mappings.order.OrderMessage;
import se.hjalpmedelsnav.mappings.registry.ProductArea;
import se.hjalpmedelsnav.mappings.rules.MessageRule;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * The orderer's profession must be one of those the product area's produktanvisning allows to order.
 * Lines whose article is not orderable are {@link ArticleOrderable}'s to report.
 */
public final class OrdererAuthorised implements MessageRule<OrderMessage> {

    @Override
    public List<ContractError> check(OrderMessage order, RuleContext context) {
        List<OrderLine> lines = order.lines() == null ? List.of() : order.lines();
        String role = order.orderer() == null ? null : order.orderer().role();
        List<ContractError> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Optional<ProductArea> area = Optional.ofNullable(lines.get(i))
                    .flatMap(line -> context.registry().article(line.articleNumber()))
                    .flatMap(article -> context.registry().productArea(article.productArea()));
            if (area.isPresent() && !area.get().allowsRole(role)) {
                errors.add(ContractError.of(ErrorCode.ORDERER_NOT_AUTHORISED, "lines[" + i + "].articleNumber",
                        "The orderer's role (orderer.role) may not order from this article's product area; its "
                                + "produktanvisning names the professions that may."));
            }
        }
        return errors;
    }
}
