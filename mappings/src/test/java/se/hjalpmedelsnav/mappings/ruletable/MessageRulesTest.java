package se.hjalpmedelsnav.mappings.ruletable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.NON_PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.hjalpmedelsnav.mappings.fault.FaultReportBuilder;
import se.hjalpmedelsnav.mappings.incident.IncidentReportBuilder;
import se.hjalpmedelsnav.mappings.loans.LoansRequestBuilder;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.message.KommunMessage;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.order.OrderBuilder;
import se.hjalpmedelsnav.mappings.order.OrderMessage;
import se.hjalpmedelsnav.mappings.order.TestRegistry;
import se.hjalpmedelsnav.mappings.registry.Registry;
import se.hjalpmedelsnav.mappings.returns.ReturnBuilder;
import se.hjalpmedelsnav.mappings.returns.ReturnMessage;
import se.hjalpmedelsnav.mappings.rules.MessageRule;
import se.hjalpmedelsnav.mappings.rules.Notice;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

class MessageRulesTest {

    private final Registry registry = TestRegistry.standardRegistry();

    /** A valid message of every type, sent as {@code kommunCode}. */
    static Stream<Arguments> everyType() {
        return Stream.of(
                type(MessageType.ORDER, code -> OrderBuilder.valid().withKommunCode(code).build()),
                type(MessageType.RETURN, code -> ReturnBuilder.valid().withKommunCode(code).build()),
                type(MessageType.FAULT_REPORT, code -> FaultReportBuilder.valid().withKommunCode(code).build()),
                type(MessageType.INCIDENT_REPORT, code -> IncidentReportBuilder.valid().withKommunCode(code).build()),
                type(MessageType.LOANS_REQUEST, code -> LoansRequestBuilder.valid().withKommunCode(code).build()));
    }

    private static Arguments type(MessageType type, Function<String, KommunMessage> sentAs) {
        return arguments(named(type.name(), sentAs));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyType")
    void acceptsAValidMessageOfEveryType(Function<String, KommunMessage> sentAs) {
        KommunMessage message = sentAs.apply(PARTY_KOMMUN);

        assertThat(MessageRules.handbook().check(message, RuleContext.of(message, PARTY_KOMMUN, registry))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyType")
    void checksTheSenderOfEveryTypeFirst(Function<String, KommunMessage> sentAs) {
        KommunMessage message = sentAs.apply(NON_PARTY_KOMMUN);

        assertThat(MessageRules.handbook().check(message, RuleContext.of(message, PARTY_KOMMUN, registry)))
                .first().extracting(ContractError::code, ContractError::field)
                .containsExactly(ErrorCode.KOMMUN_MISMATCH, "kommunCode");
    }

    @Test
    void runsEveryRuleOfTheTypeAndKeepsTheirOrder() {
        MessageRule<KommunMessage> first = (message, context) -> List.of(
                ContractError.of(ErrorCode.CONSENT_MISSING, "first", "First rule."));
        MessageRule<OrderMessage> passing = (message, context) -> List.of();
        MessageRule<OrderMessage> last = (message, context) -> List.of(
                ContractError.of(ErrorCode.KOMMUN_MISMATCH, "second", "Last rule."),
                ContractError.of(ErrorCode.KOMMUN_MISMATCH, "third", "Last rule again."));
        var rules = new MessageRules(List.of(
                MessageRules.Registration.of(MessageType.ORDER, OrderMessage.class, List.of(first), List.of(passing, last))));
        var order = OrderBuilder.valid().build();

        assertThat(rules.check(order, RuleContext.of(order, PARTY_KOMMUN, registry)))
                .extracting(ContractError::field).containsExactly("first", "second", "third");
    }

    @Test
    void runsOnlyTheRulesOfTheMessagesType() {
        var rules = new MessageRules(List.of(
                MessageRules.Registration.of(MessageType.ORDER, OrderMessage.class, List.of(failing("order"))),
                MessageRules.Registration.of(MessageType.RETURN, ReturnMessage.class, List.of(failing("return")))));
        var returned = ReturnBuilder.valid().build();

        assertThat(rules.check(returned, RuleContext.of(returned, PARTY_KOMMUN, registry)))
                .extracting(ContractError::field).containsExactly("return");
    }

    @Test
    void givesTheNoticesOfTheMessagesTypeOnly() {
        Notice<KommunMessage> always = (message, context) -> Optional.of("noted");
        var rules = new MessageRules(List.of(
                MessageRules.Registration.of(MessageType.ORDER, OrderMessage.class, List.of()).withNotice(always),
                MessageRules.Registration.of(MessageType.RETURN, ReturnMessage.class, List.of())));
        var order = OrderBuilder.valid().build();
        var returned = ReturnBuilder.valid().build();

        assertThat(rules.notices(order, RuleContext.of(order, PARTY_KOMMUN, registry))).containsExactly("noted");
        assertThat(rules.notices(returned, RuleContext.of(returned, PARTY_KOMMUN, registry))).isEmpty();
    }

    @Test
    void refusesToCheckATypeWithoutRulesRatherThanPassIt() {
        var rules = new MessageRules(List.of(
                MessageRules.Registration.of(MessageType.ORDER, OrderMessage.class, List.of(failing("order")))));
        var returned = ReturnBuilder.valid().build();

        assertThatThrownBy(() -> rules.check(returned, RuleContext.of(returned, PARTY_KOMMUN, registry)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RETURN");
    }

    @Test
    void refusesTwoRegistrationsForOneType() {
        var once = MessageRules.Registration.of(MessageType.ORDER, OrderMessage.class, List.of(failing("order")));

        assertThatThrownBy(() -> new MessageRules(List.of(once, once)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ORDER");
    }

    private static MessageRule<KommunMessage> failing(String field) {
        return (message, context) -> List.of(ContractError.of(ErrorCode.SCHEMA_INVALID, field, "Fails."));
    }
}
