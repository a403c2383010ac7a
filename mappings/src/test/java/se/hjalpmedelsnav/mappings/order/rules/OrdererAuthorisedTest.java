package se.hjalpmedelsnav.mappings.order.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.ARTICLE_NOT_IN_ASSORTMENT;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.ARTICLE_OF_UNKNOWN_PRODUCT_AREA;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.COGNITION;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.COGNITION_ARTICLE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.COMMUNICATION;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.COMMUNICATION_ARTICLE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.NURSE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.OCCUPATIONAL_THERAPIST;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.SPEECH_THERAPIST;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.contextOnQueue;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.OrderBuilder;

class OrdererAuthorisedTest {

    private final OrdererAuthorised rule = new OrdererAuthorised();

    @ParameterizedTest(name = "{0} orders {1}")
    @CsvSource({
            OCCUPATIONAL_THERAPIST + "," + COMMUNICATION_ARTICLE,
            OCCUPATIONAL_THERAPIST + "," + COGNITION_ARTICLE,
            SPEECH_THERAPIST + "," + COMMUNICATION_ARTICLE,
            NURSE + "," + COGNITION_ARTICLE,
    })
    void acceptsRoleAllowedForTheProductArea(String role, String articleNumber) {
        var order = OrderBuilder.valid().withRole(role).withArticles(articleNumber).build();

        assertThat(rule.check(order, contextOnQueue(PARTY_KOMMUN))).isEmpty();
    }

    @ParameterizedTest(name = "{0} orders {1}")
    @CsvSource({
            SPEECH_THERAPIST + "," + COGNITION_ARTICLE + "," + COGNITION,
            NURSE + "," + COMMUNICATION_ARTICLE + "," + COMMUNICATION,
            "arbetsterapeut," + COMMUNICATION_ARTICLE + "," + COMMUNICATION,
            "KURATOR," + COGNITION_ARTICLE + "," + COGNITION,
            "," + COGNITION_ARTICLE + "," + COGNITION,
    })
    void rejectsRoleNotAllowedForTheProductAreaNamingNeitherRoleNorArea(String role, String articleNumber,
            String productArea) {
        var order = OrderBuilder.valid().withRole(role).withArticles(articleNumber).build();

        var errors = rule.check(order, contextOnQueue(PARTY_KOMMUN));

        assertThat(errors).extracting(ContractError::code, ContractError::field)
                .containsExactly(Tuple.tuple(ErrorCode.ORDERER_NOT_AUTHORISED, "lines[0].articleNumber"));
        assertThat(errors.get(0).message()).contains("may not order from this article's product area")
                .doesNotContain(String.valueOf(role), productArea, articleNumber);
    }

    @Test
    void reportsEachLineOfAProductAreaTheRoleMayNotOrderFrom() {
        var order = OrderBuilder.valid().withRole(SPEECH_THERAPIST)
                .withArticles(COGNITION_ARTICLE, COMMUNICATION_ARTICLE, COGNITION_ARTICLE).build();

        assertThat(rule.check(order, contextOnQueue(PARTY_KOMMUN))).extracting(ContractError::field)
                .containsExactly("lines[0].articleNumber", "lines[2].articleNumber");
    }

    @Test
    void leavesArticlesThatCannotBeOrderedToTheArticleRule() {
        var order = OrderBuilder.valid().withRole("KURATOR")
                .withArticles(ARTICLE_NOT_IN_ASSORTMENT, ARTICLE_OF_UNKNOWN_PRODUCT_AREA).build();

        assertThat(rule.check(order, contextOnQueue(PARTY_KOMMUN))).isEmpty();
    }
}
