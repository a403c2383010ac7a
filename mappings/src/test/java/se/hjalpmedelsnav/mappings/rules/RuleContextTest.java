package se.hjalpmedelsnav.mappings.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.hjalpmedelsnav.mappings.order.OrderBuilder;
import se.hjalpmedelsnav.mappings.order.TestRegistry;
import se.hjalpmedelsnav.mappings.registry.Registry;

class RuleContextTest {

    private final Registry registry = TestRegistry.standardRegistry();

    @ParameterizedTest(name = "sent {0} counts as {1}")
    @CsvSource({
            "2026-03-02T09:15:00+01:00, 2026-03-02",
            "2026-03-01T23:30:00Z,      2026-03-02",
            "2026-03-02T22:59:59Z,      2026-03-02",
            "2026-03-02T23:00:00Z,      2026-03-03",
            "2026-06-30T22:30:00Z,      2026-07-01",
            "2026-06-30T21:59:00Z,      2026-06-30",
            "2026-03-01T18:30:00-05:00, 2026-03-02",
    })
    void datesAMessageBySentAtInSwedishTime(OffsetDateTime sentAt, LocalDate messageDate) {
        var context = RuleContext.of(OrderBuilder.valid().withSentAt(sentAt).build(), PARTY_KOMMUN, registry);

        assertThat(context.messageDate()).isEqualTo(messageDate);
        assertThat(context.queueKommunCode()).isEqualTo(PARTY_KOMMUN);
        assertThat(context.registry()).isSameAs(registry);
    }
}
