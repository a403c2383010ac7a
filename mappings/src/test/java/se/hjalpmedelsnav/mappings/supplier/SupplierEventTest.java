package se.hjalpmedelsnav.mappings.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SupplierEventTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-24T08:00:00Z");

    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    static Stream<Arguments> eventsOfEveryType() {
        return Stream.of(
                Arguments.of(SupplierEvent.orderStatus("e1", "ref-order", "SO-1", SupplierOrderStatus.DELIVERED,
                        List.of("IND-10000001"), null, AT), "orderId", "ref-order", "SO-1"),
                Arguments.of(SupplierEvent.returnStatus("e2", "ref-return", "SR-1", SupplierReturnStatus.PICKED_UP, AT),
                        "returnId", "ref-return", "SR-1"),
                Arguments.of(SupplierEvent.returnStatus("e3", "ref-return", "SR-1",
                        SupplierReturnStatus.LOST_REGISTERED, AT), "returnId", "ref-return", "SR-1"),
                Arguments.of(SupplierEvent.faultReportStatus("e4", "ref-fault", "SF-1",
                        SupplierFaultReportStatus.DEVICE_REPLACED, List.of("IND-10000099"), AT),
                        "faultReportId", "ref-fault", "SF-1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventsOfEveryType")
    void readsBackWhatItWritesWithTheStatusOfItsType(SupplierEvent event, String referenceField, String reference,
            String supplierReference) throws Exception {
        String body = json.writeValueAsString(event);

        SupplierEvent read = json.readValue(body, SupplierEvent.class);

        assertThat(read).isEqualTo(event);
        assertThat(read.status()).isInstanceOf(event.status().getClass());
        assertThat(read.reference()).isEqualTo(reference);
        assertThat(read.supplierReference()).isEqualTo(supplierReference);
        assertThat(json.readTree(body).path(referenceField).asText()).isEqualTo(reference);
        assertThat(json.readTree(body).path("status").asText()).isEqualTo(event.status().name());
        assertThat(json.readTree(body).has("reference")).as("reference() is no JSON field").isFalse();
    }

    @Test
    void readsAnOrderEventAsTheHubReadItBefore() throws Exception {
        SupplierEvent read = json.readValue("""
                {"eventId":"e1","orderId":"ref-order","supplierOrderId":"SO-1","eventType":"ORDER_STATUS",
                 "status":"CONFIRMED","expectedDeliveryDate":"2026-11-30","occurredAt":"2026-11-24T09:00:00+01:00"}
                """, SupplierEvent.class);

        assertThat(read.status()).isEqualTo(SupplierOrderStatus.CONFIRMED);
        assertThat(read.orderId()).isEqualTo("ref-order");
        assertThat(read.deviceIds()).isEmpty();
    }

    @Test
    void refusesToReadAStatusOfAnotherType() {
        assertThatThrownBy(() -> json.readValue("""
                {"eventId":"e1","returnId":"ref-return","eventType":"RETURN_STATUS","status":"DELIVERED",
                 "occurredAt":"2026-11-24T09:00:00+01:00"}
                """, SupplierEvent.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("RETURN_STATUS");
    }

    @Test
    void refusesToBuildAnEventWhoseStatusIsOfAnotherType() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SupplierEvent("e1", null, null, "ref", null, null,
                null, SupplierEventType.RETURN_STATUS, SupplierFaultReportStatus.RESOLVED, List.of(), null, null, AT));
    }

    @Test
    void readsAnEventWithoutTypeWithoutStatusSoTheHubCanReportBoth() throws Exception {
        SupplierEvent read = json.readValue("""
                {"eventId":"e1","orderId":"ref-order","status":"CONFIRMED"}
                """, SupplierEvent.class);

        assertThat(read.eventType()).isNull();
        assertThat(read.status()).isNull();
    }

    /** The member as the supplier's JSON writer sent it: an escape no Java string can be written from. */
    static Stream<Arguments> eventTextWithUnpairedSurrogates() {
        return Stream.of(
                Arguments.of("eventId", "eventId", "\"e\\ud800\""),
                Arguments.of("orderId", "orderId", "\"\\udc00ref-order\""),
                Arguments.of("supplierOrderId", "supplierOrderId", "\"SO-\\ud83d\""),
                Arguments.of("deviceIds[1]", "deviceIds", "[\"IND-1\",\"IND-\\ud800A\"]"),
                Arguments.of("reason", "reason", "\"Slut i lager \\ude00\\ud83d\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTextWithUnpairedSurrogates")
    void namesTheFieldsWhoseTextHoldsAnUnpairedSurrogate(String field, String member, String rawValue)
            throws Exception {
        var members = new java.util.LinkedHashMap<String, String>();
        members.put("eventId", "\"e1\"");
        members.put("orderId", "\"ref-order\"");
        members.put("supplierOrderId", "\"SO-1\"");
        members.put("eventType", "\"ORDER_STATUS\"");
        members.put("status", "\"BACKORDERED\"");
        members.put("deviceIds", "[]");
        members.put("reason", "\"Slut i lager\"");
        members.put("occurredAt", "\"2026-11-24T09:00:00+01:00\"");
        members.put(member, rawValue);
        String body = members.entrySet().stream().map(m -> "\"" + m.getKey() + "\":" + m.getValue())
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));

        SupplierEvent read = json.readValue(body, SupplierEvent.class);

        assertThat(read.fieldsWithUnpairedSurrogates()).containsExactly(field);
    }

    @Test
    void findsNoUnpairedSurrogateInTextWithPairsOrNone() {
        SupplierEvent event = new SupplierEvent("e1", "ref-order", "SO-\uD83D\uDE00", SupplierEventType.ORDER_STATUS,
                SupplierOrderStatus.BACKORDERED, List.of("IND-1"), "Leverans vecka 48 \uD83D\uDE9A", null, AT);

        assertThat(event.fieldsWithUnpairedSurrogates()).isEmpty();
    }
}
