package se.hjalpmedelsnav.mappings.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_WITHOUT_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.CUSTOMER_WITH_BUFFER_STORE;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PARTY_KOMMUN;
import static se.hjalpmedelsnav.mappings.order.TestRegistry.PAYER_OF_CUSTOMER_WITH_BUFFER_STORE;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;
import se.hjalpmedelsnav.mappings.order.Address;
import se.hjalpmedelsnav.mappings.order.DeliveryTarget;
import se.hjalpmedelsnav.mappings.order.IdentityProtection;
import se.hjalpmedelsnav.mappings.order.TestRegistry;
import se.hjalpmedelsnav.mappings.peppol.PeppolEndpoint;
import se.hjalpmedelsnav.mappings.peppol.PeppolOrderWriter;
import se.hjalpmedelsnav.mappings.peppol.PeppolParty;
import se.hjalpmedelsnav.mappings.peppol.PeppolRules;
import se.hjalpmedelsnav.mappings.registry.BufferStore;
import se.hjalpmedelsnav.mappings.registry.CustomerNumber;
import se.hjalpmedelsnav.mappings.registry.Municipality;
import se.hjalpmedelsnav.mappings.registry.Registry;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrder;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderTranslator;

/** The two orders a buffer withdrawal makes, as the supplier gets them over the API and in the file drop. */
class BufferStoreOrdersTest {

    private static final String HUB_REFERENCE = "5b0d8a0e-3c1f-4c8e-9f1e-2a7b6c5d4e3f";
    private final Registry registry = TestRegistry.standardRegistry();
    private final BufferWithdrawalMessage withdrawal = BufferWithdrawalBuilder.valid().build();

    @Test
    void derivesTheRefillsReferenceFromTheWithdrawalsAloneSoARedeliveryDerivesTheSame() {
        String refill = BufferStoreOrders.refillReference(HUB_REFERENCE);

        assertThat(BufferStoreOrders.refillReference(HUB_REFERENCE)).isEqualTo(refill);
        assertThat(refill).isNotEqualTo(HUB_REFERENCE).matches("[0-9a-f-]{36}");
        assertThat(BufferStoreOrders.refillReference("another-reference")).isNotEqualTo(refill);
        assertThat(BufferStoreOrders.refillMessageId("bw-1")).isEqualTo("refill/bw-1");
    }

    @Test
    void registersTheHandOutOnTheUserOverTheApiFlaggedWithTheDevice() {
        SupplierOrder order = new SupplierOrderTranslator()
                .toSupplierOrder(BufferStoreOrders.registration(withdrawal), HUB_REFERENCE, registry)
                .asHandOutOf(withdrawal.deviceId());

        assertThat(order.isHandOut()).isTrue();
        assertThat(order.deviceId()).isEqualTo(BufferWithdrawalBuilder.DEVICE_ID);
        assertThat(order.recipient().personalIdentityNumber()).isEqualTo("191212121212");
        assertThat(order.customer().customerNumber()).isEqualTo(CUSTOMER_WITH_BUFFER_STORE);
        assertThat(order.payerNumber()).isEqualTo(PAYER_OF_CUSTOMER_WITH_BUFFER_STORE);
        assertThat(order.decisionReference()).isEqualTo("BES-77");
        assertThat(order.delivery().target()).isEqualTo(DeliveryTarget.BUFFER_STORE);
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.articleNumber()).isEqualTo(withdrawal.articleNumber());
            assertThat(line.quantity()).isEqualTo(1);
        });
        assertThat(KommunMessageMappers.json().valueToTree(order).path("handOutFromStock").asBoolean()).isTrue();
    }

    @Test
    void refillsTheStoreWithTheArticleOnceForNoUserOnTheSameNumbers() {
        SupplierOrder order = new SupplierOrderTranslator()
                .toSupplierOrder(BufferStoreOrders.refill(withdrawal), "refill-reference", registry);

        assertThat(order.isHandOut()).isFalse();
        assertThat(order.recipient()).isNull();
        assertThat(order.customer().customerNumber()).isEqualTo(CUSTOMER_WITH_BUFFER_STORE);
        assertThat(order.payerNumber()).isEqualTo(PAYER_OF_CUSTOMER_WITH_BUFFER_STORE);
        assertThat(order.delivery().target()).isEqualTo(DeliveryTarget.BUFFER_STORE);
        assertThat(order.delivery().address().street()).isEqualTo("Förrådsvägen 1");
        assertThat(order.lines()).singleElement().satisfies(line -> assertThat(line.quantity()).isEqualTo(1));
        var json = KommunMessageMappers.json().valueToTree(order);
        assertThat(json.has("handOutFromStock")).isFalse();
        assertThat(json.has("deviceId")).isFalse();
    }

    @Test
    void refillsUnlessTheStoreTurnsItOffOrThereIsNoStore() {
        Address store = new Address(null, "Förrådsvägen 1", "41101", "Göteborg");
        Registry refillOff = new Registry(List.of(new Municipality(PARTY_KOMMUN, "Göteborg", true, List.of(
                new CustomerNumber(CUSTOMER_WITH_BUFFER_STORE, "Hemtjänst", List.of(PAYER_OF_CUSTOMER_WITH_BUFFER_STORE),
                        new BufferStore(null, store.street(), store.postalCode(), store.city(), false))))),
                List.of(), List.of(), List.of());

        assertThat(BufferStoreOrders.refills(withdrawal, registry)).isTrue();
        assertThat(BufferStoreOrders.refills(withdrawal, refillOff)).isFalse();
        assertThat(BufferStoreOrders.refills(BufferWithdrawalBuilder.valid()
                .withCustomerNumber(CUSTOMER_WITHOUT_BUFFER_STORE).build(), registry)).isFalse();
    }

    @Test
    void readsTheRegistrationAndAnOrderBackFromTheOrderQueue() throws Exception {
        var json = KommunMessageMappers.json();

        var registration = BufferStoreOrders.readOrderQueueBody(json.writeValueAsString(withdrawal));
        var refill = BufferStoreOrders.readOrderQueueBody(json.writeValueAsString(BufferStoreOrders.refill(withdrawal)));

        assertThat(registration.isHandOut()).isTrue();
        assertThat(registration.handedOutDeviceId()).isEqualTo(BufferWithdrawalBuilder.DEVICE_ID);
        assertThat(registration.order()).isEqualTo(BufferStoreOrders.registration(withdrawal));
        assertThat(refill.isHandOut()).isFalse();
        assertThat(refill.order()).isEqualTo(BufferStoreOrders.refill(withdrawal));
    }

    @Test
    void writesBothAsPeppolOrdersThatPassTheOfficialRulesTheRegistrationFlaggedWithTheDeviceAndTheUser() {
        PeppolOrderWriter writer = new PeppolOrderWriter(new PeppolParty(
                PeppolEndpoint.organisationNumber("556999-0004"), "Hjälpmedelsleverantören AB (fiktiv)"),
                Map.of(PARTY_KOMMUN, PeppolEndpoint.organisationNumber("212000-1488")));
        BufferWithdrawalMessage protectedUser = BufferWithdrawalBuilder.valid()
                .withProtection(IdentityProtection.SKYDDAD_FOLKBOKFORING).build();

        String registration = writer.toUblOrder(BufferStoreOrders.registration(protectedUser), HUB_REFERENCE, registry,
                LocalDate.of(2026, 3, 2), protectedUser.deviceId());
        String refill = writer.toUblOrder(BufferStoreOrders.refill(protectedUser), "refill-1", registry,
                LocalDate.of(2026, 3, 2));

        assertThat(PeppolRules.findings(registration, PeppolRules.ORDER)).isEmpty();
        assertThat(PeppolRules.findings(refill, PeppolRules.ORDER)).isEmpty();
        assertThat(registration.replaceAll(">\\s+<", "><")).contains(
                "<cbc:Name>" + PeppolOrderWriter.HAND_OUT_FROM_STOCK + "</cbc:Name><cbc:Value>true</cbc:Value>",
                "<cbc:Name>" + PeppolOrderWriter.HANDED_OUT_DEVICE_ID + "</cbc:Name><cbc:Value>"
                        + BufferWithdrawalBuilder.DEVICE_ID + "</cbc:Value>",
                "<cbc:Name>" + PeppolOrderWriter.END_USER_IDENTITY + "</cbc:Name><cbc:Value>191212121212</cbc:Value>");
        assertThat(registration.contains("Tolvan")).as("a protected user's name stays in the hub").isFalse();
        assertThat(refill).doesNotContain(PeppolOrderWriter.HAND_OUT_FROM_STOCK, PeppolOrderWriter.END_USER_IDENTITY);
    }
}
