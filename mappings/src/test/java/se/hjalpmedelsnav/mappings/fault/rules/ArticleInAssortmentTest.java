package se.hjalpmedelsnav.mappings.fault.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.ARTICLE_NOT_IN_ASSORTMENT;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.ARTICLE_OF_UNKNOWN_PRODUCT_AREA;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.COGNITION_ARTICLE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.COMMUNICATION_ARTICLE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.MEDICAL_DEVICE_ARTICLE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.contextOnQueue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.hjalpmedelsnav.mappings.fault.FaultReportBuilder;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;

class ArticleInAssortmentTest {

    private final ArticleInAssortment rule = new ArticleInAssortment();

    /** A device from a product area no longer ordered can still break: the supplier still repairs it. */
    @ParameterizedTest
    @ValueSource(strings = {COMMUNICATION_ARTICLE, COGNITION_ARTICLE, MEDICAL_DEVICE_ARTICLE,
            ARTICLE_OF_UNKNOWN_PRODUCT_AREA})
    void acceptsAnArticleInTheAssortment(String articleNumber) {
        assertThat(rule.check(FaultReportBuilder.valid().withArticle(articleNumber).build(),
                contextOnQueue(PARTY_KOMMUN))).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {ARTICLE_NOT_IN_ASSORTMENT, "100101 "})
    void rejectsAnArticleNotInTheAssortmentSayingSo(String articleNumber) {
        var errors = rule.check(FaultReportBuilder.valid().withArticle(articleNumber).build(),
                contextOnQueue(PARTY_KOMMUN));

        assertThat(errors).extracting(ContractError::code, ContractError::field)
                .containsExactly(tuple(ErrorCode.ARTICLE_NOT_ORDERABLE, "articleNumber"));
        assertThat(errors.get(0).message()).contains("not in the supplier's assortment");
    }
}
