package se.hjalpmedelsnav.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.hjalpmedelsnav.hub.console.RegistryView.Validity;
import se.hjalpmedelsnav.mappings.registry.PrivateContractorAgreement;

class RegistryViewTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");

    @ParameterizedTest(name = "valid {0} to {1}: {2}, {3} days left")
    @CsvSource(nullValues = "open", value = {
            "2025-01-01, open,       VALID,         open",
            "2025-01-01, 2027-01-07, VALID,         31",
            "2025-01-01, 2027-01-06, EXPIRES_SOON,  30",
            "2025-01-01, 2026-12-07, EXPIRES_SOON,  0",
            "2025-01-01, 2026-12-06, EXPIRED,       -1",
            "2026-12-08, 2027-12-31, NOT_YET_VALID, 389",
            "2026-12-08, open,       NOT_YET_VALID, open",
    })
    void tellsWhereAnAgreementStandsToday(LocalDate from, LocalDate to, Validity validity, Long daysLeft) {
        var agreement = new PrivateContractorAgreement("1490", "BRS-PU-2025-012", from, to, List.of("KN-1490-001"));

        var entry = RegistryView.agreement(agreement, TODAY);

        assertThat(entry.validity()).isEqualTo(validity);
        assertThat(entry.daysLeft()).isEqualTo(daysLeft);
    }
}
