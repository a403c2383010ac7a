package se.hjalpmedelsnav.mappings.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A message that reaches a log line through toString() carries no name, phone, address, e-mail or free text. */
class KommunMessageToStringTest {

    private static final KommunMessageParser PARSER = new KommunMessageParser(ParserLimits.defaults());

    @ParameterizedTest
    @ValueSource(strings = {"messages/order-valid.json", "messages/return-valid.json",
            "messages/fault-report-valid.json", "messages/incident-report-valid.json"})
    void redactsPersonalDataAndFreeText(String fixture) {
        ParseResult result = PARSER.parse(OrderBody.fixture(fixture), null);
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        KommunMessage message = ((ParseResult.Parsed) result).message();

        assertThat(message.toString())
                .contains(message.messageId())
                .doesNotContain("Fiktiv", "Tolvan", "031-", "070-", "Exempelgatan", "412 63", "41263", "@",
                        "Portkod", "Skärmen", "Laddaren", "Apparaten", "19121212", "84", "FEMALE");
    }
}
