package se.hjalpmedelsnav.connectors.supplier;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import se.hjalpmedelsnav.mappings.order.DeliveryTarget;
import se.hjalpmedelsnav.mappings.order.OrderProcess;
import se.hjalpmedelsnav.mappings.supplier.SupplierAddress;
import se.hjalpmedelsnav.mappings.supplier.SupplierContact;
import se.hjalpmedelsnav.mappings.supplier.SupplierCustomer;
import se.hjalpmedelsnav.mappings.supplier.SupplierDelivery;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrder;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderLine;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderer;
import se.hjalpmedelsnav.mappings.supplier.SupplierRecipient;

/** Supplier orders with fictional, valid defaults; each test sets only what matters to it. */
public final class SupplierOrders {

    /** The Tax Agency's classic test number, born 1912-12-12. */
    public static final String PERSONAL_ID = "191212121212";

    private String orderId = UUID.randomUUID().toString();
    private final List<SupplierOrderLine> lines = new ArrayList<>();

    private SupplierOrders() {
    }

    public static SupplierOrders anOrder() {
        return new SupplierOrders();
    }

    public SupplierOrders orderId(String value) {
        orderId = value;
        return this;
    }

    public SupplierOrders line(String articleNumber, int quantity) {
        lines.add(new SupplierOrderLine(articleNumber, quantity));
        return this;
    }

    public SupplierOrder build() {
        return new SupplierOrder(orderId, "1480", new SupplierCustomer("K-1480-01", "Hemtjänst Centrum (fiktiv)"),
                "B-1480-01", OrderProcess.EXECUTION, "BESLUT-2026-17",
                new SupplierOrderer("ord-7", "Olga Orderer", "ARBETSTERAPEUT", "031-2222222", null),
                new SupplierRecipient(PERSONAL_ID, "Tolvan Tolvansson", false, null),
                new SupplierDelivery(DeliveryTarget.UNIT,
                        new SupplierAddress(null, "Enhetsgatan 2", "41102", "Göteborg"),
                        new SupplierContact("Kim Kontakt", "031-3333333")),
                lines.isEmpty() ? List.of(new SupplierOrderLine("ART-1001", 1)) : lines,
                null);
    }
}
