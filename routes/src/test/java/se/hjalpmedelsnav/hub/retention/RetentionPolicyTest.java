package se.hjalpmedelsnav.hub.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules a retention policy must keep before a hub runs it. */
class RetentionPolicyTest {

    @Test
    void theConfiguredPolicyKeepsItsOwnRules() {
        RetentionProperties policy = RetentionFixture.policy();

        assertThat(policy.problems()).isEmpty();
        assertThat(policy.tables().trackedMessages()).isGreaterThanOrEqualTo(RetentionProperties.MINIMUM_IDEMPOTENCY_WINDOW);
        assertThat(policy.deadLetters().keepBody()).as("a parked body leaves with its expiry by default").isFalse();
    }

    /** The README's retention table states the periods {@code application.yml} configures, store by store. */
    @Test
    void theReadmeTableMatchesTheConfiguration() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("## Retention and purge"));
        section = section.substring(0, section.indexOf("\n## ", 3));
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : section.lines().toList()) {
            if (line.startsWith("| ") && !line.startsWith("| store") && !line.startsWith("|---")) {
                String[] cells = line.substring(1, line.length() - 1).split("\\|");
                rows.put(cells[0].replace("`", "").trim(), cells);
            }
        }

        var policy = RetentionPolicy.entries(RetentionFixture.policy());
        assertThat(rows.keySet()).containsExactlyElementsOf(policy.stream().map(RetentionPolicy.Entry::store).toList());
        for (RetentionPolicy.Entry entry : policy) {
            String[] row = rows.get(entry.store());
            assertThat(row[3].trim()).as(entry.store()).isEqualTo(entry.days() + " days");
            assertThat(row[2].trim().equals("yes")).as(entry.store() + " personal data").isEqualTo(entry.personalData());
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            nav.retention.tables.tracked-messages   | 30d  | idempotency window
            nav.retention.tables.supplier-events    | 100d | supplier-events must be at least
            nav.retention.tables.replay-audit       | 300d | longer than what they audit
            nav.retention.tables.sent-reminders     | 100d | sent-reminders must be at least
            nav.retention.tables.ended-loans        | 0d   | must be positive
            nav.retention.tables.retention-audit    | 30d  | longer than what they audit
            nav.retention.dead-letters.alert-after  | 30d  | alert-after must be shorter
            nav.retention.dead-letters.expire-after | 2000d| longer than what they audit
            nav.retention.folders.filedrop-error    | 0d   | must be positive
            nav.retention.folders.authority-outbox  | 800d | must be shorter than tables.confirmed-incident-reports
            nav.retention.lease                     | 10s  | lease must be at least
            nav.retention.batch-size                | 0    | batch-size
            """)
    void aPolicyBreakingARuleIsRefusedNamingTheRule(String property, String value, String problem) {
        RetentionProperties policy = RetentionFixture.policy(Map.of(property, value));

        assertThat(policy.problems()).singleElement().asString().contains(problem);
    }
}
