package se.hjalpmedelsnav.mappings.order.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.ARTICLE_NOT_IN_ASSORTMENT;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.ARTICLE_OF_UNKNOWN_PRODUCT_AREA;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.COGNITION_ARTICLE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.COMMUNICATION_ARTICLE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.contextOnQueue;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.OrderBuilder;

class ArticleOrderableTest {

    private final ArticleOrderable rule = new ArticleOrderable();

    @Test
    void acceptsArticlesOfTheAssortmentInKnownProductAreas() {
        var order = OrderBuilder.valid().withArticles(COMMUNICATION_ARTICLE, COGNITION_ARTICLE).build();

        assertThat(rule.check(order, contextOnQueue(PARTY_KOMMUN))).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            ARTICLE_NOT_IN_ASSORTMENT + ", not in the assortment",
            ARTICLE_OF_UNKNOWN_PRODUCT_AREA + ", in a product area the registry does not hold",
    })
    void rejectsTheLineOfAnArticleThatCannotBeOrdered(String articleNumber, String why) {
        var order = OrderBuilder.valid().withArticles(COMMUNICATION_ARTICLE, articleNumber).build();

        var errors = rule.check(order, contextOnQueue(PARTY_KOMMUN));

        assertThat(errors).as(why).extracting(ContractError::code, ContractError::field)
                .containsExactly(Tuple.tuple(ErrorCode.ARTICLE_NOT_ORDERABLE, "lines[1].articleNumber"));
        assertThat(errors.get(0).message()).contains("not in the orderable assortment").doesNotContain(articleNumber);
    }

    @Test
    void reportsEveryLineThatCannotBeOrdered() {
        var order = OrderBuilder.valid()
                .withArticles(ARTICLE_NOT_IN_ASSORTMENT, COMMUNICATION_ARTICLE, ARTICLE_OF_UNKNOWN_PRODUCT_AREA)
                .build();

        assertThat(rule.check(order, contextOnQueue(PARTY_KOMMUN))).extracting(ContractError::field)
                .containsExactly("lines[0].articleNumber", "lines[2].articleNumber");
    }
}
