package se.hjalpmedelsnav.mappings.supplier.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.hjalpmedelsnav.mappings.returns.ReturnReason;
import se.hjalpmedelsnav.mappings.supplier.SupplierAddress;
import se.hjalpmedelsnav.mappings.supplier.SupplierContact;
import se.hjalpmedelsnav.mappings.supplier.SupplierCustomer;
import se.hjalpmedelsnav.mappings.supplier.SupplierEvent;
import se.hjalpmedelsnav.mappings.supplier.SupplierEventType;
import se.hjalpmedelsnav.mappings.supplier.SupplierFaultReport;
import se.hjalpmedelsnav.mappings.supplier.SupplierFaultReportStatus;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderer;
import se.hjalpmedelsnav.mappings.supplier.SupplierPickup;
import se.hjalpmedelsnav.mappings.supplier.SupplierReturn;
import se.hjalpmedelsnav.mappings.supplier.SupplierReturnStatus;

class SupplierFileDropXmlTest {

    private static final String REFERENCE = "3f2b9c4e-0d7a-4c55-9a61-7e0c2f1b8d42";
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T10:15:00+01:00");

    private final SupplierFileDropXml xml = new SupplierFileDropXml();

    private static SupplierReturn aReturn() {
        return new SupplierReturn(REFERENCE, "1489", new SupplierCustomer("KN-1489-001", "Hemtjänst Centrum"),
                "BN-1489-01", new SupplierOrderer("at-17", "Anna Arbetsterapeut", "ARBETSTERAPEUT", "0322-1", null),
                List.of("IND-11111111", "IND-22222222"), ReturnReason.NEED_ENDED, false,
                new SupplierPickup(new SupplierAddress(null, "Hemgatan 3", "441 30", "Alingsås"),
                        new SupplierContact("Tolvan Tolvansson", "0322-123 45")), null);
    }

    @Test
    void writesAReturnTheSchemaAcceptsAndReadsBackTheSame() {
        String written = xml.write(aReturn());

        assertThat(written).contains("<return xmlns=\"" + SupplierFileDropXml.NAMESPACE + "\"")
                .contains("<deviceId>IND-22222222</deviceId>");
        assertThat(xml.readRequest(written.getBytes(StandardCharsets.UTF_8))).isEqualTo(aReturn());
    }

    @Test
    void writesAFaultReportWithOutOfServiceAndInjuryOrRisk() {
        SupplierFaultReport report = new SupplierFaultReport(REFERENCE, "1489",
                new SupplierCustomer("KN-1489-001", null), "BN-1489-01",
                new SupplierOrderer("at-17", null, null, null, null), "IND-12345678", "HMN-30002",
                "Larmet löser inte ut.", true, true, null, new SupplierContact("Enhetschef", null));

        String written = xml.write(report);

        assertThat(written).contains("<outOfService>true</outOfService>", "<injuryOrRisk>true</injuryOrRisk>");
        assertThat(xml.readRequest(written.getBytes(StandardCharsets.UTF_8))).isEqualTo(report);
    }

    @Test
    void refusesToWriteAReturnTheSchemaWouldRefuseWithoutQuotingIt() {
        SupplierReturn noDevices = new SupplierReturn("not-a-hub-reference", "1489",
                new SupplierCustomer("KN-1489-001", null), "BN-1489-01",
                new SupplierOrderer("at-17", null, null, null, null), List.of(), ReturnReason.LOST, true, null, null);

        assertThatThrownBy(() -> xml.write(noDevices)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("not-a-hub-reference");
    }

    @Test
    void readsStatusFilesOfBothKindsBackAsSupplierEvents() {
        SupplierEvent picked = SupplierEvent.returnStatus("e1", REFERENCE, "SR-1", SupplierReturnStatus.PICKED_UP, AT);
        SupplierEvent replaced = SupplierEvent.faultReportStatus("e2", REFERENCE, "SF-1",
                SupplierFaultReportStatus.DEVICE_REPLACED, List.of("IND-99"), AT);

        assertThat(xml.readStatus(xml.writeStatus(picked).getBytes(StandardCharsets.UTF_8), "e1")).isEqualTo(picked);
        SupplierEvent read = xml.readStatus(xml.writeStatus(replaced).getBytes(StandardCharsets.UTF_8), "e2");
        assertThat(read.eventType()).isEqualTo(SupplierEventType.FAULT_REPORT_STATUS);
        assertThat(read.deviceIds()).containsExactly("IND-99");
        assertThat(read.occurredAt()).isEqualTo(AT);
    }

    @Test
    void namesTheMissingElementAndWhereButNoValue() {
        String missingStatus = """
                <returnStatus xmlns="urn:hjalpmedelsnav:supplier-filedrop:1">
                  <returnId>3f2b9c4e-0d7a-4c55-9a61-7e0c2f1b8d42</returnId>
                  <occurredAt>2026-11-23T10:15:00+01:00</occurredAt>
                </returnStatus>""";

        assertThatThrownBy(() -> xml.readStatus(missingStatus.getBytes(StandardCharsets.UTF_8), "e"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3").hasMessageContaining("status")
                .hasMessageNotContaining("3f2b9c4e");
    }

    @Test
    void neverQuotesAValueTheSchemaRefuses() {
        String secret = "Tolvan-19121212-1212";
        String badReference = """
                <returnStatus xmlns="urn:hjalpmedelsnav:supplier-filedrop:1">
                  <returnId>%s</returnId>
                  <status>RECEIVED</status>
                  <occurredAt>2026-11-23T10:15:00+01:00</occurredAt>
                </returnStatus>""".formatted(secret);

        assertThatThrownBy(() -> xml.readStatus(badReference.getBytes(StandardCharsets.UTF_8), "e"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2").hasMessageNotContaining(secret);
    }

    @Test
    void refusesADocumentThatIsNotWellFormedOrDeclaresADtd() {
        assertThatThrownBy(() -> xml.readStatus("<returnStatus".getBytes(StandardCharsets.UTF_8), "e"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
        String withDtd = "<!DOCTYPE r [<!ENTITY x \"y\">]><returnStatus xmlns=\"urn:hjalpmedelsnav:supplier-filedrop:1\">"
                + "<returnId>&x;</returnId></returnStatus>";
        assertThatThrownBy(() -> xml.readStatus(withDtd.getBytes(StandardCharsets.UTF_8), "e"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
