package se.hjalpmedelsnav.mappings.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.hjalpmedelsnav.mappings.order.OrderMessage;

class KommunMessageMappersTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T10:15:02+01:00");

    @Test
    void writesAReceiptWithExactlyTheContractsMembers() throws Exception {
        Receipt receipt = Receipt.rejected("m-1", "3f1c0b1e-0000-4000-8000-000000000001",
                List.of(ContractError.of(ErrorCode.SCHEMA_INVALID, "lines[0].quantity", "must be at least 1")), AT);

        JsonNode json = KommunMessageMappers.json().readTree(KommunMessageMappers.json().writeValueAsString(receipt));

        List<String> members = new ArrayList<>();
        json.fieldNames().forEachRemaining(members::add);
        assertThat(members).containsExactly("type", "inReplyTo", "hubReference", "status", "duplicate", "errors", "at");
        assertThat(json.get("at").asText()).isEqualTo("2026-11-23T10:15:02+01:00");
        assertThat(json.get("errors").get(0).get("field").asText()).isEqualTo("lines[0].quantity");
    }

    @Test
    void leavesOutTheFieldOfAnErrorThatHasNone() throws Exception {
        String json = KommunMessageMappers.json().writeValueAsString(ContractError.of(ErrorCode.MALFORMED, "x"));

        assertThat(json).isEqualTo("{\"code\":\"MALFORMED\",\"message\":\"x\"}");
    }

    @Test
    void readsBackAnOrderItWrote() throws Exception {
        OrderMessage order = KommunMessageMappers.json().readValue(OrderBody.valid().json(), OrderMessage.class);

        String written = KommunMessageMappers.json().writeValueAsString(order);

        assertThat(KommunMessageMappers.json().readValue(written, OrderMessage.class)).isEqualTo(order);
        assertThat(written).doesNotContain("\"protected\"");
    }

    @Test
    void readsTrustedJsonAndOnFailureNamesThePlaceButNeverTheContent() {
        // sentAt holds what looks like an identity number: Jackson's own message would quote it.
        String broken = "{\"type\":\"ORDER\",\"messageId\":\"m-1\",\"sentAt\":\"19121212-1212\"}";

        assertThatThrownBy(() -> KommunMessageMappers.readTrusted(broken, OrderMessage.class))
                .isInstanceOf(KommunMessageMappers.UnreadableMessageException.class)
                .hasMessageContaining("OrderMessage could not be read")
                .hasMessageContaining("line 1")
                .hasMessageNotContaining("19121212");
        assertThat(KommunMessageMappers.readTrusted("{\"type\":\"ORDER\",\"messageId\":\"m-2\"}", OrderMessage.class)
                .messageId()).isEqualTo("m-2");
    }
}
