package se.hjalpmedelsnav.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.hjalpmedelsnav.mappings.incident.Consequence;
import se.hjalpmedelsnav.mappings.incident.IncidentDevice;
import se.hjalpmedelsnav.mappings.incident.IncidentReportMessage;
import se.hjalpmedelsnav.mappings.incident.Reporter;
import se.hjalpmedelsnav.mappings.message.BodyFormat;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.message.ParseResult;

/**
 * A message type the contract knows but a hub is configured not to take ({@code nav.intake.handled-types}) is
 * refused with UNKNOWN_MESSAGE_TYPE, so nothing is accepted that this hub could not deliver. (All four types
 * have their flow now; the end-to-end refusal that used to stand in OrderFlowTest for INCIDENT_REPORT lives here.)
 */
class MessageEnforcementTest {

    @Test
    void refusesATypeTheHubIsNotConfiguredToHandleBeforeAnyRuleRuns() {
        IncidentReportMessage report = new IncidentReportMessage(MessageType.INCIDENT_REPORT, "incident-1", "1480",
                OffsetDateTime.parse("2026-11-23T10:15:00+01:00"),
                new Reporter("Göteborgs Stad", "Rita Rapportör", null, "031-1", "r@example.se"),
                LocalDate.of(2026, 11, 22), "Larmet löste inte ut.", Consequence.NEAR_MISS,
                new IncidentDevice("Falldetektor", "Tryggvakt Nordic AB (fiktiv)", null, null, null, null, null, true),
                true, null, null);
        Intake intake = new Intake("1480", "jms-1", "hub-1", OffsetDateTime.parse("2026-11-23T10:15:01+01:00"),
                new ParseResult.Parsed(report, BodyFormat.JSON), List.of(), List.of(), null, false, false);
        // The registry is never consulted for a refused type: none is given.
        var enforcement = new MessageEnforcement(null, Set.of(MessageType.ORDER, MessageType.RETURN,
                MessageType.FAULT_REPORT));

        Intake enforced = enforcement.enforce(intake);

        assertThat(enforced.errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo(ErrorCode.UNKNOWN_MESSAGE_TYPE);
            assertThat(error.message()).contains("does not handle this message type", "FAULT_REPORT, ORDER, RETURN")
                    .doesNotContain("INCIDENT_REPORT");
        });
    }
}
