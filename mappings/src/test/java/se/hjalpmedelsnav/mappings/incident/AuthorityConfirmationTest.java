package se.hjalpmedelsnav.mappings.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.hjalpmedelsnav.mappings.incident.AuthorityConfirmation.InvalidConfirmationException;

class AuthorityConfirmationTest {

    private static final String HUB_REFERENCE = "5f0c1f0e-3c1b-4d1e-9a51-0d4f1c7e2a10";

    @Test
    void readsAConfirmationFile() {
        var confirmation = AuthorityConfirmation.parse(("{\"hubReference\":\"" + HUB_REFERENCE
                + "\",\"authorityReference\":\"6.3.4-2026-012345\"}").getBytes(StandardCharsets.UTF_8));

        assertThat(confirmation).isEqualTo(new AuthorityConfirmation(HUB_REFERENCE, "6.3.4-2026-012345"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "{\"hubReference\":\"" + HUB_REFERENCE + "\"}",
            "{\"authorityReference\":\"6.3.4-2026-1\"}",
            "{\"hubReference\":\"" + HUB_REFERENCE + "\",\"authorityReference\":\"6.3.4\",\"patient\":\"x\"}",
            "{\"hubReference\":\"" + HUB_REFERENCE + "\",\"authorityReference\":\"<script>\"}"})
    void refusesAFileThatIsNotOneConfirmation(String file) {
        assertThatThrownBy(() -> AuthorityConfirmation.parse(file.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidConfirmationException.class)
                .hasMessageStartingWith("Not a valid confirmation: ");
    }

    @Test
    void namesEveryProblemWithoutQuotingTheFile() {
        String file = "{\"hubReference\":\"19121212-1212 Tolvan\",\"authorityReference\":\"\"}";

        assertThatThrownBy(() -> AuthorityConfirmation.parse(file.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidConfirmationException.class, e -> {
                    assertThat(e.problems()).hasSize(2);
                    assertThat(e.getMessage()).doesNotContain("1912", "Tolvan");
                });
    }
}
