package se.hjalpmedelsnav.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The scanner the personal-data scan relies on: it must find every written form and never print the value. */
class PersonalDataTest {

    @ParameterizedTest
    @ValueSource(strings = {"196308159877", "19630815-9877", "6308159877", "630815-9877", "630815+9877",
            "195010712346", "501071-2346", "x=\"6308159877\"", "id:19630815-9877,"})
    void findsAnIdentityNumberInEveryWrittenFormWithoutPrintingIt(String text) {
        List<String> found = PersonalData.find("line " + text + " end", List.of());

        assertThat(found).hasSize(1);
        assertThat(found.get(0)).startsWith("identity-number shape").doesNotContain("6308159877", "5010712346");
    }

    @ParameterizedTest
    @ValueSource(strings = {"196308159878", "6313159877", "630835-9877", "2026-11-23 20:27:46.123",
            "1763900000", "16308159877", "port 61616", "TypedProperties[a=b]]@1208126993"})
    void ignoresNumbersThatCannotBeAnIdentityNumber(String text) {
        assertThat(PersonalData.find(text, List.of())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization: Bearer ogLnB0F4tpksA6cEd6oIrJWn96KG20TrXI4M6MFyvJY",
            "{expires_in=3600, token_type=Bearer, access_token=ogLnB0F4tpksA6cEd6oIrJWn96KG20TrXI4M6MFyvJY}",
            "{\"access_token\":\"ogLnB0F4tpksA6cEd6oIrJWn96KG20TrXI4M6MFyvJY\"}"})
    void findsABearerTokenMasked(String text) {
        assertThat(PersonalData.find(text, List.of())).containsExactly("bearer token og****************************************Y");
    }

    @Test
    void findsTheTestsOwnValuesMasked() {
        assertThat(PersonalData.find("to Lönnvägen 42 for Sigvard", List.of("Lönnvägen 42", "Sigvard", "Pilgatan")))
                .containsExactly("test value Lö*********2", "test value Si****d");
        assertThat(PersonalData.shapesOf("19630815-9877"))
                .containsExactly("196308159877", "19630815-9877", "6308159877", "630815-9877");
    }
}
