package se.hjalpmedelsnav.simulator;

import java.util.List;
import java.util.UUID;
import se.hjalpmedelsnav.mappings.returns.ReturnReason;
import se.hjalpmedelsnav.mappings.supplier.SupplierAddress;
import se.hjalpmedelsnav.mappings.supplier.SupplierContact;
import se.hjalpmedelsnav.mappings.supplier.SupplierCustomer;
import se.hjalpmedelsnav.mappings.supplier.SupplierFaultReport;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderer;
import se.hjalpmedelsnav.mappings.supplier.SupplierPickup;
import se.hjalpmedelsnav.mappings.supplier.SupplierReturn;

/** Supplier returns and fault reports with fictional, valid defaults; each test sets only what matters to it. */
final class SupplierReturns {

    private static final SupplierCustomer CUSTOMER = new SupplierCustomer("K-1480-01", "Hemtjänst Centrum (fiktiv)");
    private static final SupplierOrderer ORDERER = new SupplierOrderer("ord-7", "Olga Orderer", "ARBETSTERAPEUT",
            "031-2222222", null);
    private static final SupplierAddress HOME = new SupplierAddress(null, "Hemvägen 1", "41101", "Göteborg");
    private static final SupplierContact CONTACT = new SupplierContact("Kim Kontakt", "031-3333333");

    private SupplierReturns() {
    }

    static ReturnBuilder aReturn() {
        return new ReturnBuilder();
    }

    static FaultReportBuilder aFaultReport() {
        return new FaultReportBuilder();
    }

    static final class ReturnBuilder {
        private List<String> deviceIds = List.of("IND-10000001", "IND-10000002");
        private ReturnReason reason = ReturnReason.NEED_ENDED;

        ReturnBuilder deviceIds(String... value) {
            deviceIds = List.of(value);
            return this;
        }

        ReturnBuilder reason(ReturnReason value) {
            reason = value;
            return this;
        }

        SupplierReturn build() {
            boolean lost = reason == ReturnReason.LOST;
            return new SupplierReturn(UUID.randomUUID().toString(), "1480", CUSTOMER, "B-1480-01", ORDERER, deviceIds,
                    reason, lost, lost ? null : new SupplierPickup(HOME, CONTACT), null);
        }
    }

    static final class FaultReportBuilder {
        private String deviceId = "IND-10000001";
        private boolean outOfService;

        FaultReportBuilder deviceId(String value) {
            deviceId = value;
            return this;
        }

        FaultReportBuilder outOfService(boolean value) {
            outOfService = value;
            return this;
        }

        SupplierFaultReport build() {
            return new SupplierFaultReport(UUID.randomUUID().toString(), "1480", CUSTOMER, "B-1480-01", ORDERER,
                    deviceId, "ART-1001", "Larmet piper hela natten", outOfService, false, HOME, CONTACT);
        }
    }
}
