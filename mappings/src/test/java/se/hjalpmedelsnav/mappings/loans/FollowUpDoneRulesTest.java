package se.hjalpmedelsnav.mappings.loans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.NON_PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.order.Orderer;
import se.hjalpmedelsnav.mappings.order.TestRegistry;
import se.hjalpmedelsnav.mappings.ruletable.MessageRules;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/** FOLLOW_UP_DONE through the rule table: who may send it, and only about a decision of its own loans. */
class FollowUpDoneRulesTest {

    private static final OffsetDateTime SENT = OffsetDateTime.parse("2027-11-22T09:00:00+01:00");
    private static final String DECISION = "BES-2026-0042";
    private static final String OTHER_DECISION = "BES-2026-0099";
    /** The register: the party municipality lends two devices under DECISION; the other one under OTHER_DECISION. */
    private static final LentLoans REGISTER = (kommun, decision) -> Map.of(
            PARTY_KOMMUN + "/" + DECISION, Set.of("IND-000123", "IND-000124"),
            NON_PARTY_KOMMUN + "/" + OTHER_DECISION, Set.of("IND-000999")).getOrDefault(kommun + "/" + decision, Set.of());

    private static FollowUpDoneMessage followUp(String kommun, String decision, List<String> devices, LocalDate next) {
        return new FollowUpDoneMessage(MessageType.FOLLOW_UP_DONE, "1480-F-1", kommun, SENT,
                new Orderer("at-4711", "Fiktiva Arbetsterapeut", "ARBETSTERAPEUT", null, null), decision, devices,
                next, null);
    }

    static Stream<Arguments> answers() {
        LocalDate nextYear = LocalDate.of(2028, 11, 20);
        return Stream.of(
                arguments("all devices of its decision", followUp(PARTY_KOMMUN, DECISION, null, nextYear),
                        PARTY_KOMMUN, List.of()),
                arguments("one device of its decision",
                        followUp(PARTY_KOMMUN, DECISION, List.of("IND-000124"), nextYear), PARTY_KOMMUN, List.of()),
                arguments("a decision under which nothing is lent",
                        followUp(PARTY_KOMMUN, "BES-NONE", null, nextYear), PARTY_KOMMUN,
                        List.of(ErrorCode.SCHEMA_INVALID)),
                arguments("another municipality's decision",
                        followUp(PARTY_KOMMUN, OTHER_DECISION, null, nextYear), PARTY_KOMMUN,
                        List.of(ErrorCode.SCHEMA_INVALID)),
                arguments("a device not lent under the decision",
                        followUp(PARTY_KOMMUN, DECISION, List.of("IND-000123", "IND-000999"), nextYear),
                        PARTY_KOMMUN, List.of(ErrorCode.SCHEMA_INVALID)),
                arguments("a next follow-up before the day it is sent",
                        followUp(PARTY_KOMMUN, DECISION, null, LocalDate.of(2027, 11, 21)), PARTY_KOMMUN,
                        List.of(ErrorCode.SCHEMA_INVALID)),
                arguments("sent on another municipality's queue",
                        followUp(PARTY_KOMMUN, DECISION, null, nextYear), NON_PARTY_KOMMUN,
                        List.of(ErrorCode.KOMMUN_MISMATCH, ErrorCode.KOMMUN_NOT_PARTY, ErrorCode.SCHEMA_INVALID)),
                arguments("a municipality not party to the agreement",
                        followUp(NON_PARTY_KOMMUN, OTHER_DECISION, null, nextYear), NON_PARTY_KOMMUN,
                        List.of(ErrorCode.KOMMUN_NOT_PARTY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void acceptsAFollowUpOnlyOfTheSendersOwnLoans(String name, FollowUpDoneMessage message, String queue,
            List<ErrorCode> expected) {
        List<ContractError> errors = MessageRules.handbook(REGISTER).check(message,
                RuleContext.of(message, queue, TestRegistry.standardRegistry()));

        assertThat(errors).extracting(ContractError::code).containsExactlyElementsOf(expected);
        assertThat(errors).extracting(ContractError::message)
                .noneMatch(text -> text.contains("BES-") || text.contains("IND-"));
    }

    @org.junit.jupiter.api.Test
    void withoutARegisterNoFollowUpIsAccepted() {
        FollowUpDoneMessage message = followUp(PARTY_KOMMUN, DECISION, null, LocalDate.of(2028, 11, 20));

        List<ContractError> errors = MessageRules.handbook().check(message,
                RuleContext.of(message, PARTY_KOMMUN, TestRegistry.standardRegistry()));

        assertThat(errors).extracting(ContractError::field).containsExactly("decisionReference");
    }
}
