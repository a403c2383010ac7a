package se.hjalpmedelsnav.mappings.supplier.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.hjalpmedelsnav.mappings.supplier.SupplierEvent;
import se.hjalpmedelsnav.mappings.supplier.SupplierEventType;
import se.hjalpmedelsnav.mappings.supplier.SupplierFaultReportStatus;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderStatus;

class SupplierStatusFileReaderTest {

    private static final OffsetDateTime READ_AT = OffsetDateTime.parse("2026-11-23T10:15:00+01:00");

    private final SupplierStatusFileReader reader = new SupplierStatusFileReader();

    @Test
    void readsAnOrderResponseRejectionAsRejectedBySupplierWithTheSuppliersNote() throws IOException {
        SupplierEvent event = reader.read(fixture("order-response-rejected.xml"), READ_AT).orElseThrow();

        assertThat(event.eventType()).isEqualTo(SupplierEventType.ORDER_STATUS);
        assertThat(event.status()).isEqualTo(SupplierOrderStatus.REJECTED_BY_SUPPLIER);
        assertThat(event.reason()).isNotBlank();
        assertThat(event.orderId()).isEqualTo("3f2b9c4e-0d7a-4c55-9a61-7e0c2f1b8d42");
        assertThat(event.occurredAt()).isEqualTo(READ_AT);
    }

    @Test
    void readsADespatchAdviceAsDeliveredWithTheDeviceIds() throws IOException {
        SupplierEvent event = reader.read(fixture("despatch-advice.xml"), READ_AT).orElseThrow();

        assertThat(event.status()).isEqualTo(SupplierOrderStatus.DELIVERED);
        assertThat(event.deviceIds()).isNotEmpty();
    }

    @Test
    void readsAnAcknowledgementAsNoNews() throws IOException {
        assertThat(reader.read(fixture("order-response-acknowledged.xml"), READ_AT)).isEmpty();
    }

    @Test
    void readsTheHubsOwnStatusFile() {
        SupplierEvent replaced = SupplierEvent.faultReportStatus("x", "3f2b9c4e-0d7a-4c55-9a61-7e0c2f1b8d42", "SF-1",
                SupplierFaultReportStatus.DEVICE_REPLACED, List.of("IND-99"), READ_AT);
        byte[] file = new SupplierFileDropXml().writeStatus(replaced).getBytes(StandardCharsets.UTF_8);

        SupplierEvent event = reader.read(file, READ_AT).orElseThrow();

        assertThat(event.eventType()).isEqualTo(SupplierEventType.FAULT_REPORT_STATUS);
        assertThat(event.status()).isEqualTo(SupplierFaultReportStatus.DEVICE_REPLACED);
        assertThat(event.deviceIds()).containsExactly("IND-99");
    }

    @Test
    void givesTheSameFileTheSameEventIdAndAnotherFileAnother() throws IOException {
        byte[] accepted = fixture("order-response-accepted.xml");

        String first = reader.read(accepted, READ_AT).orElseThrow().eventId();
        String again = reader.read(accepted.clone(), READ_AT.plusHours(1)).orElseThrow().eventId();
        String other = reader.read(fixture("despatch-advice.xml"), READ_AT).orElseThrow().eventId();

        assertThat(first).isEqualTo(again).isNotEqualTo(other).hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void refusesAFileThatIsNeitherWithoutQuotingIt() {
        assertThatThrownBy(() -> reader.read("<note>Tolvan Tolvansson</note>".getBytes(StandardCharsets.UTF_8), READ_AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("Tolvan");
    }

    /** A reason or id no municipality's AMQP client could decode, were it passed on: the file is refused. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"&#xD800;", "&#56320;", "&#xD83D;&#xDE00;"})
    void refusesAStatusFileWithASurrogateInItsText(String reference) throws IOException {
        String rejection = new String(fixture("order-response-rejected.xml"), StandardCharsets.UTF_8);
        assertThat(rejection).contains("har utgått");
        SupplierEvent lost = SupplierEvent.returnStatus("x", "3f2b9c4e-0d7a-4c55-9a61-7e0c2f1b8d42", "SR-1",
                se.hjalpmedelsnav.mappings.supplier.SupplierReturnStatus.LOST_REGISTERED, READ_AT);
        String own = new SupplierFileDropXml().writeStatus(lost);
        assertThat(own).contains(">SR-1<");

        for (String file : List.of(rejection.replace("har utgått", "har utgått " + reference),
                own.replace(">SR-1<", ">SR-1" + reference + "<"))) {
            assertThatThrownBy(() -> reader.read(file.getBytes(StandardCharsets.UTF_8), READ_AT))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("utgått");
        }
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = SupplierStatusFileReaderTest.class.getResourceAsStream("/peppol/" + name)) {
            if (in == null) {
                throw new IOException("no test fixture " + name);
            }
            return in.readAllBytes();
        }
    }
}
