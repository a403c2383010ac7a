package se.hjalpmedelsnav.mappings.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import se.hjalpmedelsnav.mappings.message.WellFormedText;

/** The supplier's refusal as the municipality hears it: its code and the hub's sentence, never what was sent. */
class SupplierRefusalReasonTest {

    @ParameterizedTest(name = "{0} (HTTP {1})")
    @CsvSource(nullValues = "null", value = {
            "UNKNOWN_ARTICLE, 422, 'UNKNOWN_ARTICLE: the supplier does not carry an article of the order'",
            "UNKNOWN_DEVICE,  422, 'UNKNOWN_DEVICE: the supplier does not know a device id of the message'",
            "INVALID,         400, 'INVALID: the supplier found the message invalid'",
            "OUT_OF_STOCK,    409, 'OUT_OF_STOCK: the supplier refused it'",
            "null,            422, 'the supplier refused it (HTTP 422)'",
            "'HMN-50002 saknas', 422, 'the supplier refused it (HTTP 422)'",
    })
    void explainsTheApisCodeInTheHubsWords(String code, int status, String reason) {
        assertThat(SupplierRefusalReason.ofApiAnswer(code, status)).startsWith(reason);
    }

    static Stream<Arguments> eventReasons() {
        return Stream.of(
                Arguments.of("UNKNOWN_DEVICE: The supplier does not know device IND-00000000", "IND-00000000",
                        "UNKNOWN_DEVICE: the supplier does not know a device id of the message"),
                Arguments.of("UNKNOWN_ARTICLE: The supplier does not carry article HMN-50002", "HMN-50002",
                        "UNKNOWN_ARTICLE: the supplier does not carry an article of the order"),
                Arguments.of("Artikel 100101 har utgått ur sortimentet", "100101", "the supplier refused it"),
                Arguments.of("Leverans till Tolvan Tolvansson, Exempelgatan 12, går inte", "Tolvan",
                        "the supplier refused it"),
                Arguments.of("INVALID: orderer.name 'Bea Ställare' is too long", "Ställare",
                        "INVALID: the supplier found the message invalid"),
                Arguments.of(" OUT_OF_STOCK ", "  ", "OUT_OF_STOCK: the supplier refused it"),
                Arguments.of("\uD800: for 19121212-1212", "19121212", "the supplier refused it"),
                Arguments.of(null, "null", "the supplier refused it"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventReasons")
    void saysTheCodeOfAnEventsReasonButNothingOfItsText(String reason, String neverRepeated, String told) {
        String said = SupplierRefusalReason.ofEventReason(reason);

        assertThat(said).startsWith(told).doesNotContain(neverRepeated);
        assertThat(WellFormedText.hasUnpairedSurrogate(said)).isFalse();
    }
}
