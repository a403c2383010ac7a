package se.hjalpmedelsnav.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import se.hjalpmedelsnav.hub.tracking.TrackingStatus;

class TrafficStoreTest {

    @Test
    void readsEachErrorCodeOfARejectedReceiptOnce() {
        String receipt = """
                {"type":"RECEIPT","inReplyTo":"m-1","status":"REJECTED","errors":[
                  {"code":"SCHEMA_INVALID","field":"lines[0].quantity","message":"must be a positive number"},
                  {"code":"CUSTOMER_NUMBER_UNKNOWN","field":"customerNumber","message":"not registered"},
                  {"code":"SCHEMA_INVALID","field":"sentAt","message":"not a date-time"}]}""";

        assertThat(TrafficStore.errorCodes(receipt)).containsExactly("SCHEMA_INVALID", "CUSTOMER_NUMBER_UNKNOWN");
    }

    @Test
    void anUnreadableReceiptHasNoCodes() {
        assertThat(TrafficStore.errorCodes("{not json")).isEmpty();
        assertThat(TrafficStore.errorCodes("{\"errors\":[]}")).isEmpty();
    }

    @Test
    void countsAsDeliveredEveryStatusAfterTheHandOffAndNoneBefore() {
        assertThat(TrafficStore.HANDED_ON).contains(TrackingStatus.SENT_TO_SUPPLIER, TrackingStatus.CONFIRMED,
                TrackingStatus.DELIVERED, TrackingStatus.REJECTED_BY_SUPPLIER, TrackingStatus.SENT_TO_AUTHORITY)
                .doesNotContain(TrackingStatus.ACCEPTED, TrackingStatus.REJECTED, TrackingStatus.PARKED);
    }
}
