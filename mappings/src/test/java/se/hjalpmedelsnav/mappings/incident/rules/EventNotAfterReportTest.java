package se.hjalpmedelsnav.mappings.incident.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.hjalpmedelsnav.mappings.incident.IncidentReportBuilder;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.TestRegistry;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

class EventNotAfterReportTest {

    private final EventNotAfterReport rule = new EventNotAfterReport();

    @ParameterizedTest(name = "event {0}, sent {1}: refused {2}")
    @CsvSource({
            "2026-03-01, 2026-03-02T09:15:00+01:00, false",
            "2026-03-02, 2026-03-02T09:15:00+01:00, false",
            "2026-03-03, 2026-03-02T09:15:00+01:00, true",
            // 23:30 UTC on the 2nd is already the 3rd in Sweden
            "2026-03-03, 2026-03-02T23:30:00Z,      false",
            "2026-03-03, 2026-03-02T22:30:00Z,      true",
            "2025-12-31, 2026-01-01T00:10:00+01:00, false",
    })
    void refusesAnEventAfterTheDayTheReportWasSentInSwedishTime(LocalDate eventDate, OffsetDateTime sentAt,
            boolean refused) {
        var message = IncidentReportBuilder.valid().withEventDate(eventDate).withSentAt(sentAt).build();

        var errors = rule.check(message,
                RuleContext.of(message, TestRegistry.PARTY_KOMMUN, TestRegistry.standardRegistry()));

        if (refused) {
            assertThat(errors).extracting(ContractError::code, ContractError::field)
                    .containsExactly(tuple(ErrorCode.SCHEMA_INVALID, "eventDate"));
            assertThat(errors.get(0).message()).contains("after the day the report was sent", "Swedish time");
        } else {
            assertThat(errors).isEmpty();
        }
    }
}
