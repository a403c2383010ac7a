package se.hjalpmedelsnav.hub.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import se.hjalpmedelsnav.hub.stage.KommunEvents.KommunEvent;

class KommunEventsTest {

    @Test
    void writesTheEventAsJson() {
        String json = KommunEvents.json(new KommunEvent("1480", "ORDER_STATUS", "m-1", "ref-1",
                Map.of("status", "DELIVERED")));

        assertThat(json).isEqualTo("{\"status\":\"DELIVERED\"}");
    }

    @Test
    void refusesToSendTextAMunicipalitysAmqpClientCouldNotDecodeAndSaysItIsPermanent() {
        var lone = new KommunEvent("1480", "RETURN_STATUS", "m-1", "ref-1", Map.of("reason", "broken \ud800 text"));
        var loneInCorrelation = new KommunEvent("1480", "RECEIPT", "m-\udc00", null, Map.of("status", "ACCEPTED"));

        assertThatThrownBy(() -> KommunEvents.json(lone)).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("RETURN_STATUS").hasMessageNotContaining("broken");
        assertThatThrownBy(() -> KommunEvents.json(loneInCorrelation)).isInstanceOf(PermanentFailure.class);
        assertThat(KommunEvents.json(new KommunEvent("1480", "RECEIPT", "m-1", null, Map.of("name", "Åsa \uD83D\uDE00"))))
                .as("a pair is fine").contains("\uD83D\uDE00");
    }
}
