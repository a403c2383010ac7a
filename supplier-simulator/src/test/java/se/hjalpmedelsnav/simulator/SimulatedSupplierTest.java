package se.hjalpmedelsnav.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static se.hjalpmedelsnav.connectors.supplier.SupplierOrders.anOrder;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrder;

/** What the simulated supplier keeps of the orders it was sent. */
class SimulatedSupplierTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    private final SimulatedSupplier supplier = new SimulatedSupplier(new SupplierSimulatorProperties(true, "client",
            "secret", Duration.ofHours(1), Set.of(), Set.of(), null, null, null, Duration.ofMillis(200),
            Duration.ofSeconds(2), 5, Duration.ofMillis(500), 2));

    private void receive(SupplierOrder order) {
        supplier.receive(order, json.valueToTree(order));
    }

    @Test
    void keepsTheBodiesOfTheLatestOrdersAndTheCountsOfAll() {
        SupplierOrder first = anOrder().build();
        SupplierOrder second = anOrder().build();
        SupplierOrder third = anOrder().build();

        receive(first);
        receive(second);
        receive(third);
        receive(first);

        assertThat(supplier.receivedOrder(first.orderId())).hasValueSatisfying(held -> {
            assertThat(held.order()).as("the oldest order's body, beyond the two kept").isNull();
            assertThat(held.receivedCount()).isEqualTo(2);
            assertThat(held.supplierOrderId()).isNotNull();
        });
        assertThat(supplier.receivedOrder(second.orderId()).orElseThrow().order())
                .isEqualTo(json.valueToTree(second).toString());
        assertThat(supplier.receivedOrder(third.orderId()).orElseThrow().order()).isNotNull();
        assertThat(supplier.receivedOrdersSummary().orders()).isEqualTo(3);
        assertThat(supplier.receivedOrdersSummary().repeatedPosts()).isEqualTo(1);
    }
}
